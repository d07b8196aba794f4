// Imported first by the production entry points (start, snapshot): React and Next choose their
// production or development builds from NODE_ENV when they are first loaded, so it must be set
// before any other import runs. `npm run dev` (start.ts --dev) keeps the development builds.
const env = process.env as Record<string, string | undefined>;
// Next.js reads it when a server starts: no telemetry, in production and in development (see README).
env.NEXT_TELEMETRY_DISABLED = "1";
if (!process.argv.includes("--dev")) env.NODE_ENV ??= "production";
// tsx turns source maps on for every module loaded after it; Node then keeps the maps of Next's
// server bundles (megabytes each) in memory: ≈ 35 MB of heap for nicer stack traces. Not in production.
if (!process.argv.includes("--dev")) process.setSourceMapsEnabled(false);
