import { readFileSync } from "node:fs";
import path from "node:path";

export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;

let common: Set<string> | undefined;
function commonPasswords(): Set<string> {
  common ??= new Set(
    readFileSync(path.join(process.cwd(), "lib", "auth", "common-passwords.txt"), "utf8")
      .split("\n")
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith("#")),
  );
  return common;
}

/**
 * NIST 800-63B style: length, not composition. Any characters, paste allowed; refuse
 * known-breached passwords and ones made of a single repeated character or the user's
 * own email. Returns a sentence saying what to do, or null when the password is fine.
 */
export function passwordProblem(password: string, context: { email?: string } = {}): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters. A few words with spaces works well.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower) || new Set(lower).size <= 2) {
    return "That password is too common. Choose something harder to guess, such as a few unrelated words.";
  }
  const local = context.email?.split("@")[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local) && length - local.length < 6) {
    return "Your password is too close to your email address.";
  }
  return null;
}
