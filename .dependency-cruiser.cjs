// The layering of Beacon, checked in `npm test` (stage static). Folders of lib/ are areas; an area
// may use the ones below it, never the other way round, and never in a cycle.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-area-cycles",
      comment: "No import cycle between two folders (lib/public ↔ lib/snapshot, …).",
      severity: "error",
      scope: "folder",
      from: { path: "^(lib|components)/" },
      // A type says what a layer hands over; only code that runs makes a layer depend on another.
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "no-circular",
      severity: "error",
      from: {},
      to: { circular: true, dependencyTypesNot: ["type-only"] },
    },
    {
      name: "pure-timeline-and-formats",
      comment: "The timeline core and the serializers are pure: no database, no UI, no Next.js.",
      severity: "error",
      from: { path: "^lib/(timeline|formats)/" },
      to: { path: ["^lib/db/", "^generated/", "^components/", "^app/", "^node_modules/next/", "^lib/public/"] },
    },
    {
      name: "components-use-no-database",
      severity: "error",
      from: { path: "^components/" },
      to: { path: ["^lib/db/", "^generated/"] },
    },
    {
      name: "nothing-imports-tests",
      comment: "lib/ and scripts/ never import from tests/.",
      severity: "error",
      from: { path: "^(lib|scripts|app|components)/" },
      to: { path: "^(tests|e2e)/" },
    },
    {
      name: "no-orphans",
      comment: "Every file is used (entry points and configuration aside).",
      severity: "error",
      from: {
        orphan: true,
        pathNot: [
          "(^|/)\\.[^/]+\\.(c|m)?js$",
          "\\.d\\.ts$",
          "^(app|scripts|tests|e2e|tools)/",
          "^(next|playwright|vitest|prisma|postcss)\\.config\\.(ts|mjs)$",
          "^proxy\\.ts$",
          // Run by the browser of a site embedding Beacon, served by lib/embed/script.ts.
          "^lib/embed/banner\\.js$",
        ],
      },
      to: {},
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: ["^generated/", "^\\.next", "^node_modules/", "^tools/"] },
    // Type-only imports vanish when compiled: only code that runs makes one layer depend on another.
    tsPreCompilationDeps: false,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".tsx", ".js", ".mjs"],
    },
  },
};
