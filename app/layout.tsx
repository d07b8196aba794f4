import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Beacon status", template: "%s · Beacon status" },
  description: "Current status, incidents and maintenance.",
};

export default function RootLayout({ children }: Readonly<{ children: React.ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-screen antialiased">{children}</body>
    </html>
  );
}
