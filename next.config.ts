import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The public pages must be plain HTML; no client-side router prefetch needed.
  compress: true,
  // forbidden() renders app/admin/forbidden.tsx with a 403 for a signed-in user whose role is too low.
  experimental: { authInterrupts: true },
};

export default nextConfig;
