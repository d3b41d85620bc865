"use client";

import { TroublePage } from "@/components/ui/trouble-page";
import { atkinson } from "./fonts";
import "./globals.css";

/** Replaces the root layout when it fails (it has no layout of its own, so it brings the styles). */
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en-GB" className={atkinson.variable}>
      <body className="min-h-dvh antialiased">
        <title>Homeplan</title>
        <TroublePage error={error} retry={retry} />
      </body>
    </html>
  );
}
