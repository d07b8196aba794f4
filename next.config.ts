import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The public pages must be plain HTML; no client-side router prefetch needed.
  compress: true,
};

export default nextConfig;
