import { describe, expect, it } from "vitest";
import { PASSWORD_MAX, PASSWORD_MIN, passwordProblem } from "./password-policy";

describe("password policy", () => {
  it("asks for at least 12 characters and accepts exactly 12", () => {
    expect(PASSWORD_MIN).toBe(12);
    expect(passwordProblem("kettle-lamp")).toMatch(/at least 12 characters/);
    expect(passwordProblem("kettle-lamp!")).toBeNull();
  });

  it("accepts long passwords, 128 characters and beyond, up to the stated maximum", () => {
    expect(PASSWORD_MAX).toBeGreaterThanOrEqual(128);
    const words = "pebble orchard violin lantern ";
    expect(passwordProblem(words.repeat(5).slice(0, 128))).toBeNull();
    expect(passwordProblem(words.repeat(9).slice(0, PASSWORD_MAX))).toBeNull();
    expect(passwordProblem(words.repeat(9).slice(0, PASSWORD_MAX + 1))).toMatch(/at most/);
  });

  it("accepts any characters with no composition rules: spaces, Unicode, emoji, all lower case", () => {
    expect(passwordProblem("straße über brücke")).toBeNull();
    expect(passwordProblem("私のパスワードはとても長いです")).toBeNull();
    expect(passwordProblem("пароль для клиники")).toBeNull();
    expect(passwordProblem("🦵🦴🏃‍♀️ stretch daily")).toBeNull();
    expect(passwordProblem("all lower case words here")).toBeNull();
  });

  it("counts characters, not bytes: 12 emoji are 12 characters, 11 are too few", () => {
    expect(passwordProblem("🧘🏋🤸🚶🏊🚴🧗🤾🏌🏄🤽🏇")).toBeNull();
    expect(passwordProblem("🧘🏋🤸🚶🏊🚴🧗🤾🏌🏄🤽")).toMatch(/at least 12/);
  });

  it("refuses passwords from the shipped list of common ones, in any letter case", () => {
    expect(passwordProblem("password1234")).toMatch(/too common/);
    expect(passwordProblem("PASSWORD1234")).toMatch(/too common/);
    expect(passwordProblem("homeplan2026")).toMatch(/too common/);
    expect(passwordProblem("1q2w3e4r5t6y")).toMatch(/too common/);
  });

  it("refuses a single repeated character and a password that is just the email name", () => {
    expect(passwordProblem("aaaaaaaaaaaaaaaa")).toMatch(/too common/);
    expect(passwordProblem("jordan.fisher1!", { email: "jordan.fisher@clinic.org" })).toMatch(/email/);
    expect(passwordProblem("jordan.fisher walks the dog daily", { email: "jordan.fisher@clinic.org" })).toBeNull();
  });
});
