import { describe, expect, it } from "vitest";
import { outboxEmailSchema } from "./outbox";

const valid = {
  clinicId: "0b6c0a54-2f7e-4a36-9a4e-6c1f5c7d2a10",
  idempotencyKey: "invitation:1",
  kind: "invitation",
  to: "alex@example.org",
  subject: "Hello",
  text: "t",
  html: "<p>h</p>",
};

describe("outbox email validation", () => {
  it("accepts a well-formed message", () => {
    expect(outboxEmailSchema.safeParse(valid).success).toBe(true);
  });

  it.each([
    ["a CR/LF in the address", { to: "alex@example.org\r\nBcc: all@example.org" }],
    ["a LF in the address", { to: "alex@example.org\nBcc: all@example.org" }],
    ["a CR/LF in the subject", { subject: "Hello\r\nBcc: all@example.org" }],
    ["a bare CR in the subject", { subject: "Hello\rBcc: all@example.org" }],
    ["two addresses", { to: "alex@example.org, sam@example.org" }],
    ["a display name", { to: "Alex <alex@example.org>" }],
    ["an empty subject", { subject: "" }],
  ])("refuses %s", (_, change) => {
    expect(outboxEmailSchema.safeParse({ ...valid, ...change }).success).toBe(false);
  });
});
