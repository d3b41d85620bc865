// The tests read PDFs and QR codes back with tools nobody here wrote: poppler (text, pages,
// images), qpdf (the file's structure) and ZBar (the QR code). Debian packages them.
import { spawnSync } from "node:child_process";
import { aptInstall } from "./ensure-chromium";

const READERS = [
  { command: "pdftotext", pkg: "poppler-utils" },
  { command: "qpdf", pkg: "qpdf" },
  { command: "zbarimg", pkg: "zbar-tools" },
];

const has = (command: string) => spawnSync("sh", ["-c", `command -v ${command}`]).status === 0;

export function ensureReaders(): void {
  let missing = READERS.filter((r) => !has(r.command));
  if (missing.length === 0) return;
  const tried = aptInstall(
    missing.map((r) => r.pkg),
    "[test] PDF and QR readers are missing",
  );
  if (tried) missing = missing.filter((r) => !has(r.command));
  if (missing.length === 0) return;
  console.error(
    `[test] ${missing.map((r) => r.command).join(", ")} not found.\n` +
      `       Install with:  sudo apt-get install -y ${missing.map((r) => r.pkg).join(" ")}`,
  );
  process.exit(1);
}
