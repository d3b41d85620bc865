import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { PASSWORD_MAX, PASSWORD_MIN } from "@/lib/domain/password";

export { PASSWORD_MAX, PASSWORD_MIN };

/** zxcvbn's scale: 3 means "safely unguessable" against an online attack with some throttling. */
const MIN_SCORE = 3;

/** Words anyone attacking a Homeplan account would try first. */
const PRODUCT_WORDS = ["homeplan", "physio", "physiotherapy", "physiotherapist", "clinic", "exercise", "exercises", "rehab", "patient"];

const ESTIMATE_MAX = 32;

let checker: Promise<ZxcvbnFactory> | undefined;

/**
 * The dictionaries are a few megabytes: loaded on the first check (server only, this module
 * is never part of a page bundle) and kept. Our own short list rides along as one more
 * dictionary: it holds the seasonal and product passwords zxcvbn's lists miss.
 */
function loadChecker(): Promise<ZxcvbnFactory> {
  checker ??= (async () => {
    const [{ ZxcvbnFactory }, common, en] = await Promise.all([
      import("@zxcvbn-ts/core"),
      import("@zxcvbn-ts/language-common"),
      import("@zxcvbn-ts/language-en"),
    ]);
    const shipped = readFileSync(path.join(process.cwd(), "lib", "auth", "common-passwords.txt"), "utf8")
      .split("\n")
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith("#"));
    return new ZxcvbnFactory({
      dictionary: { ...common.dictionary, ...en.dictionary, homeplan: shipped },
      graphs: common.adjacencyGraphs,
      translations: en.translations,
    });
  })();
  checker.catch(() => (checker = undefined));
  return checker;
}

export type PasswordContext = { email?: string; name?: string; clinicName?: string };

/**
 * What a guesser who knows the person would try: their email whole and in pieces
 * ("alex.smith", "alex", "smith", "clinic"), their name run together, their clinic's name.
 * zxcvbn matches each as a dictionary word, so "Alex.Smith2024!" scores as two guesses, not ten.
 */
function personalWords(context: PasswordContext): string[] {
  // zxcvbn ranks user inputs by position: the most telling words go first.
  const words = new Set<string>();
  const add = (value: string) => {
    const v = value.trim().toLowerCase();
    if (v.length >= 3) words.add(v);
  };
  const email = context.email?.trim().toLowerCase() ?? "";
  const [local = "", domain = ""] = email.split("@");
  const name =
    context.name
      ?.toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean) ?? [];
  for (const value of [name.join(""), local, email, domain]) add(value);
  // "alex.smith@riverside" from alex.smith@riverside-clinic.org: the address up to each label.
  for (const part of domain.split(/[^\p{L}\p{N}]+/u)) add(`${local}@${part}`);
  for (const value of [local, domain, context.name ?? "", context.clinicName ?? ""]) {
    const parts = value
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    add(value);
    add(parts.join(""));
    add(parts.join("."));
    for (const part of parts) add(part);
  }
  for (const word of PRODUCT_WORDS) add(word);
  return [...words];
}

/**
 * NIST 800-63B style: length, not composition; any characters, paste allowed. Then a
 * guessability estimate (zxcvbn-ts with its common and English dictionaries, score ≥ 3)
 * that knows the person's own email, name and clinic. Returns a sentence saying what is
 * wrong and what to do, or null when the password is fine.
 */
export async function passwordProblem(password: string, context: PasswordContext = {}): Promise<string | null> {
  const length = [...password].length;
  if (length < PASSWORD_MIN) return `Use at least ${PASSWORD_MIN} characters. A few words with spaces works well.`;
  if (length > PASSWORD_MAX) return `Use at most ${PASSWORD_MAX} characters.`;
  // zxcvbn's work grows faster than the length: past 32 characters the first 32 decide
  // (a strong prefix cannot make the whole weaker), so a 256-character paste stays cheap.
  const result = (await loadChecker()).check([...password].slice(0, ESTIMATE_MAX).join(""), personalWords(context));
  if (result.score >= MIN_SCORE) return null;
  const personal = result.sequence.some((match) => "dictionaryName" in match && match.dictionaryName === "userInputs");
  const why = personal
    ? "It is built from your own email, name or clinic name, which anyone trying to guess it would start with."
    : (result.feedback.warning ?? "It would be quick to guess.");
  const tip = result.feedback.suggestions[0] ?? "Add another word or two that are not connected to each other.";
  return `This password is too easy to guess. ${ensureStop(why)} ${ensureStop(tip)}`;
}

const ensureStop = (sentence: string) => (/[.!?]$/.test(sentence) ? sentence : `${sentence}.`);
