import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { revokeLinks } from "@/db/queries/links";
import { LOG_QUOTAS } from "@/lib/domain/patient-link";
import { linkKey } from "@/lib/links/token";
import { PEER_HEADER } from "@/lib/request";
import { pointAppAtTestDatabase } from "../mocks/db-client.mock";
import { setRequestHeaders } from "../mocks/next-headers.mock";
import { countRows, driver, setupTestDatabase } from "../db";
import { rowsOf } from "@/db/client";
import { createLinkedProgramme } from "../linked-programme";

vi.mock("next/headers", () => import("../mocks/next-headers.mock"));
vi.mock("@/db/client", async (importOriginal) => (await import("../mocks/db-client.mock")).dbClientDouble(importOriginal));

const { db } = setupTestDatabase();
beforeEach(pointAppAtTestDatabase(db));
beforeEach(() => setRequestHeaders({ [PEER_HEADER]: "198.51.100.30", "x-forwarded-for": "198.51.100.30" }));

const key = linkKey("test-secret-test-secret-test-secret-123");

/** One programme with a live link; `revoke` ends it. */
async function setUp() {
  const { actor, programmeId, token } = await createLinkedProgramme(db(), key);
  return { token, revoke: () => db().transaction((tx) => revokeLinks(tx, actor, { programmeId })) };
}

/** A body streamed in pieces: no Content-Length, as `Transfer-Encoding: chunked` arrives. */
function chunked(text: string, pieceSize = 8 * 1024): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.subarray(at, at + pieceSize));
      at += pieceSize;
    },
  });
}

const FORM = { "content-type": "application/x-www-form-urlencoded" };
type Route = "messages" | "reminders";

async function postForm(route: Route, token: string, body: BodyInit, headers: Record<string, string> = {}) {
  const { POST } = route === "messages" ? await import("@/app/p/[token]/messages/route") : await import("@/app/p/[token]/reminders/route");
  const request = new Request(`http://homeplan.test/p/${token}/${route}`, {
    method: "POST",
    body,
    headers: { ...FORM, ...headers },
    duplex: "half",
  } as RequestInit);
  return POST(request, { params: Promise.resolve({ token }) });
}

const validForm: Record<Route, string> = {
  messages: "body=Knee+feels+better&requestId=req-chunked-1",
  reminders: "reminder=18%3A00",
};
const written = async () => (await countRows(db(), "programme_messages")) + (await countRows(db(), "reminder_settings"));

describe(`the patient's form posts (messages, reminders) on ${driver}`, () => {
  it("refuse a chunked body past the form limit before it is parsed: 413, nothing written", async () => {
    const { token } = await setUp();
    // A valid form followed by 1 MiB of padding, with no Content-Length to refuse it by.
    for (const route of ["messages", "reminders"] as const) {
      const response = await postForm(route, token, chunked(`${validForm[route]}&pad=${"x".repeat(1024 * 1024)}`));
      expect(response.status, route).toBe(413);
    }
    expect(await written()).toBe(0);
    // The same form, small and chunked, still goes through.
    for (const route of ["messages", "reminders"] as const) {
      expect((await postForm(route, token, chunked(validForm[route]))).status, route).toBe(303);
    }
    expect(await countRows(db(), "programme_messages")).toBe(1);
    const actions = await db().execute(
      sql`select action from audit_events where action in ('message.received', 'reminder.turned_on') order by action`,
    );
    expect(rowsOf<{ action: string }>(actions).map((r) => r.action)).toEqual(["message.received", "reminder.turned_on"]);
  });

  it("refuse a post another site makes with the patient's browser; unknown and revoked links answer the same 404", async () => {
    const { token, revoke } = await setUp();
    const crossSite: Record<string, string>[] = [
      { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
      { origin: "null", "sec-fetch-site": "cross-site" },
      { origin: "null" },
    ];
    for (const route of ["messages", "reminders"] as const) {
      for (const headers of crossSite)
        expect((await postForm(route, token, validForm[route], headers)).status, `${route} ${JSON.stringify(headers)}`).toBe(403);
    }
    expect(await written()).toBe(0);
    await revoke();
    const unknown = `${token.slice(0, -4)}AAAA` === token ? `${token.slice(0, -4)}BBBB` : `${token.slice(0, -4)}AAAA`;
    for (const route of ["messages", "reminders"] as const) {
      const [dead, never] = [await postForm(route, token, validForm[route]), await postForm(route, unknown, validForm[route])];
      expect([dead.status, await dead.text()], route).toEqual([never.status, await never.text()]);
      expect(dead.status).toBe(404);
    }
    expect(await written()).toBe(0);
  });

  it("hold reminder changes to the link's hourly quota: past it 429, no setting and no audit row written", async () => {
    const { token } = await setUp();
    const audits = () => countRows(db(), "audit_events");
    const choices = ["18%3A00", "off"];
    for (let i = 0; i < LOG_QUOTAS.burst.max; i++)
      expect((await postForm("reminders", token, `reminder=${choices[i % 2]}`)).status).toBe(303);
    const [before, setting] = [await audits(), await db().execute(sql`select send_at_minute from reminder_settings`)];
    const refused = await postForm("reminders", token, "reminder=09%3A00");
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(await audits()).toBe(before);
    expect(await db().execute(sql`select send_at_minute from reminder_settings`)).toEqual(setting);
  });
});
