import { describe, expect, it, vi } from "vitest";
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from "./password-policy";

// The first guessability check loads the password dictionaries, seconds of CPU on a busy machine.
vi.setConfig({ testTimeout: 30_000 });

const alex = { email: "alex.smith@riverside-clinic.org", name: "Alex Smith", clinicName: "Riverside Physio" };

describe("password policy", () => {
  it("asks for at least 12 characters and accepts exactly 12", async () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(await passwordProblem("kettle-lamp")).toMatch(/at least 12 characters/);
    expect(await passwordProblem("kettle-lamp!")).toBeNull();
  });

  it("accepts long passwords, 128 characters and beyond, up to the stated maximum", async () => {
    expect(PASSWORD_MAX).toBeGreaterThanOrEqual(128);
    const words = "pebble orchard violin lantern ";
    expect(await passwordProblem(words.repeat(5).slice(0, 128))).toBeNull();
    expect(await passwordProblem(words.repeat(9).slice(0, PASSWORD_MAX))).toBeNull();
    expect(await passwordProblem(words.repeat(9).slice(0, PASSWORD_MAX + 1))).toMatch(/at most/);
  });

  it("accepts any characters with no composition rules: spaces, Unicode, emoji, all lower case", async () => {
    expect(await passwordProblem("straße über brücke")).toBeNull();
    expect(await passwordProblem("私のパスワードはとても長いです")).toBeNull();
    expect(await passwordProblem("пароль для клиники")).toBeNull();
    expect(await passwordProblem("🦵🦴🏃‍♀️ stretch daily")).toBeNull();
    expect(await passwordProblem("all lower case words here")).toBeNull();
  });

  it("counts characters, not bytes: 12 emoji are 12 characters, 11 are too few", async () => {
    expect(await passwordProblem("🧘🏋🤸🚶🏊🚴🧗🤾🏌🏄🤽🏇")).toBeNull();
    expect(await passwordProblem("🧘🏋🤸🚶🏊🚴🧗🤾🏌🏄🤽")).toMatch(/at least 12/);
  });

  it("refuses guessable passwords of a good length, saying why in plain words", async () => {
    // Each of these passed the old 96-entry list and its length rule.
    for (const weak of ["Password123!", "Password2024!", "Qwerty123456!", "iloveyou1234", "Summer2024!!", "correcthorsebatterystaple"]) {
      expect(await passwordProblem(weak), weak).toMatch(/^This password is too easy to guess\. \S.+\. \S.+\.$/);
    }
    expect(await passwordProblem("Password123!")).toMatch(/similar to a commonly used password/);
    expect(await passwordProblem("aaaaaaaaaaaaaaaa")).toMatch(/too easy to guess/);
    expect(await passwordProblem("homeplan2026")).toMatch(/too easy to guess/);
  });

  it("refuses passwords built from the person's own email, name or clinic", async () => {
    for (const weak of [
      "alex.smith@riverside",
      "Alex.Smith2024!",
      "AlexSmith!2025",
      "alexsmith12345",
      "RiversidePhysio1",
      "Riverside Physio 1",
    ]) {
      expect(`${weak}: ${await passwordProblem(weak, alex)}`).toMatch(/your own email, name or clinic name/);
    }
    // The same strings are fine for someone else: it is the link to the person that makes them weak.
    expect(await passwordProblem("alexsmith12345")).toBeNull();
    expect(await passwordProblem("alex walks the dog by the river daily", alex)).toBeNull();
  });

  it("accepts the demo password and the passphrases used across the tests", async () => {
    for (const good of [
      "stretch-every-morning",
      "correct horse battery staple",
      "pebble orchard violin",
      "lantern pebble orchard",
      "orchard lantern pebble kite",
      "violin harbour meadow",
    ]) {
      expect(await passwordProblem(good, alex), good).toBeNull();
    }
  });

  // zxcvbn's work grows faster than the length, so only the first 32 characters are
  // scored; what follows them cannot change the verdict either way.
  it("scores only the first 32 characters of a long paste", async () => {
    const strong = "pebble orchard violin lantern kite";
    expect(await passwordProblem(strong.slice(0, 32) + "a".repeat(PASSWORD_MAX - 32))).toBeNull();
    expect(await passwordProblem("a".repeat(32) + strong.repeat(3).slice(0, PASSWORD_MAX - 32))).toMatch(/too easy to guess/);
    expect(await passwordProblem("a".repeat(PASSWORD_MAX))).toMatch(/too easy to guess/);
  });
});
