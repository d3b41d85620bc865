import { describe, expect, it } from "vitest";
import { seal, unseal } from "./seal";

describe("sealed values", () => {
  it("round-trips text, and the sealed form does not contain it", () => {
    const text = "Open https://homeplan.test/invite/AbCdEfGhIjKlMnOpQrStUvWxYz0123456789-_abcde — Zoë";
    const sealed = seal(text, "email-body");
    expect(sealed).not.toContain("AbCdEfGh");
    expect(unseal(sealed, "email-body")).toBe(text);
    expect(seal(text, "email-body")).not.toBe(sealed);
  });

  it("refuses a value sealed for another purpose or changed by one character", () => {
    const sealed = seal("secret", "email-body");
    expect(() => unseal(sealed, "patient-link")).toThrow();
    const flipped = sealed.slice(0, -2) + (sealed.at(-2) === "A" ? "B" : "A") + sealed.at(-1);
    expect(() => unseal(flipped, "email-body")).toThrow();
    expect(() => unseal("plain text", "email-body")).toThrow();
  });
});
