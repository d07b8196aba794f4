// Plain JavaScript on purpose: Next.js compiles a next.config.ts with its native SWC module at every
// start, which then stays loaded (≈ 26 MB of resident memory) in a server that never compiles anything.
/** @type {import("next").NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  // Lets two builds (e.g. parallel test runs) live side by side; `npm start` reads the same variable.
  distDir: process.env.BEACON_NEXT_DIST_DIR || ".next",
  reactStrictMode: true,
  // The public pages must be plain HTML; no client-side router prefetch needed.
  compress: true,
  // forbidden() renders app/admin/forbidden.tsx with a 403 for a signed-in user whose role is too low.
  experimental: { authInterrupts: true },
};

export default nextConfig;
