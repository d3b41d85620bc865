import type { Metadata, Viewport } from "next";
import { atkinson } from "./fonts";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Homeplan", template: "%s · Homeplan" },
  description: "Home-exercise programmes your patients can follow.",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0f6d64" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en-GB" className={atkinson.variable}>
      <body className="min-h-dvh antialiased">{children}</body>
    </html>
  );
}
