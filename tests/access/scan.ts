import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * Finds every server entry point on disk, so the access matrix cannot miss one:
 * files whose first statement is "use server" (each export is a server action) and
 * route handlers (app/**\/route.ts, each HTTP-method export).
 */
const ROOT = process.cwd();
const SCANNED = ["app", "components", "lib"];
const SOURCE = /\.(ts|tsx|js|jsx|mts|mjs)$/;
export const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"];

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : walk(full);
    return SOURCE.test(entry.name) && !/\.(test|mock)\.[a-z]+$/.test(entry.name) ? [full] : [];
  });
}

const DIRECTIVE = /^(?:\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*(["'])use server\1/;
const ANY_USE_SERVER = /(["'])use server\1/g;

export type ServerFile = { file: string; relative: string; kind: "action" | "route" };

export function scanServerEntryPoints(): { files: ServerFile[]; inline: string[] } {
  const files: ServerFile[] = [];
  const inline: string[] = [];
  for (const dir of SCANNED) {
    for (const file of walk(path.join(ROOT, dir))) {
      const relative = path.relative(ROOT, file).split(path.sep).join("/");
      const source = readFileSync(file, "utf8");
      const topLevel = DIRECTIVE.test(source);
      const uses = source.match(ANY_USE_SERVER)?.length ?? 0;
      if (topLevel) files.push({ file, relative, kind: "action" });
      // A "use server" inside a function body makes an action that has no export to list.
      if (uses > (topLevel ? 1 : 0)) inline.push(relative);
      if (relative.startsWith("app/") && /\/route\.(ts|tsx|js|mjs)$/.test(relative)) files.push({ file, relative, kind: "route" });
    }
  }
  return { files, inline };
}

/** "app/(portal)/settings/actions.ts#inviteClinicianAction", "app/api/health/route.ts#GET" … */
export async function listEntryPoints(
  files: ServerFile[],
): Promise<Map<string, { kind: "action" | "route"; fn: (...args: unknown[]) => unknown }>> {
  const found = new Map<string, { kind: "action" | "route"; fn: (...args: unknown[]) => unknown }>();
  for (const { file, relative, kind } of files) {
    const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
    for (const [name, value] of Object.entries(mod)) {
      if (kind === "route" && !HTTP_METHODS.includes(name)) continue;
      if (typeof value === "function") found.set(`${relative}#${name}`, { kind, fn: value as (...args: unknown[]) => unknown });
    }
  }
  return found;
}
