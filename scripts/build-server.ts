// `npm run build` step: compiles the production server (scripts/start.ts, the lib/ code it uses and
// the npm packages it imports) ahead of time into one ES module, so `npm start` runs plain
// JavaScript from a single file: no TypeScript compiler in the serving process, and no resolving,
// reading and CommonJS-export scanning of several hundred package files at every start.
// Stays external: Next.js (loaded on the first admin request, with its own module graph),
// better-sqlite3 (a native addon found next to its package) and Prisma's runtime (it loads its
// WebAssembly query compiler from its package directory).
import { build } from "esbuild";

export const SERVER_BUNDLE = "generated/beacon-server.mjs";

const started = Date.now();
await build({
  entryPoints: ["scripts/start.ts"],
  outfile: SERVER_BUNDLE,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  external: ["next", "next/*", "better-sqlite3", "@prisma/client", "@prisma/client/*", "pg-native"],
  // Bundled CommonJS packages require Node's built-in modules.
  banner: { js: 'import { createRequire as createRequireForBundle } from "node:module"; const require = createRequireForBundle(import.meta.url);' },
  // The bundle is the production server only (`npm run dev` runs the sources): React's production build.
  define: { "process.env.NODE_ENV": '"production"' },
  tsconfig: "tsconfig.json",
  logLevel: "warning",
  // No `keepNames`: it wraps every function the packages create (React's per-render closures
  // included) in a defineProperty call; measured, it halved the throughput of a cached `/`
  // (20,000 → 11,000 req/s) through the extra garbage. Stack traces keep the source's names.
});
console.log(`Production server: ${SERVER_BUNDLE} (${Date.now() - started} ms)`);
