import { randomBytes } from "node:crypto";
import http from "node:http";
import { expect, test } from "@playwright/test";

/*
 * The address the throttles count by is the socket's, not a header the client chose.
 * Against the real built server: whatever X-Forwarded-For (or our own private header)
 * a client sends, its link misses land on one key, and another socket address is
 * unaffected.
 */
const guess = () => randomBytes(32).toString("base64url");

/** A POST of a session log from a chosen local address (any 127.x address reaches the server). */
function postFrom(localAddress: string, baseURL: string, headers: Record<string, string> = {}): Promise<number> {
  const url = new URL(`/p/${guess()}/log`, baseURL);
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", localAddress, headers: { "content-type": "application/json", ...headers } },
      (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
      },
    );
    request.on("error", reject);
    request.end("{}");
  });
}

test("rotating X-Forwarded-For does not escape the link-guessing throttle, and it falls on the real peer only", async ({ baseURL }) => {
  // 127.0.0.3: an address no other spec uses, so earlier misses from the browser's
  // 127.0.0.1 do not count here.
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) {
    statuses.push(
      await postFrom("127.0.0.3", baseURL!, { "x-forwarded-for": `198.51.100.${i + 1}`, "x-homeplan-peer": `203.0.113.${i + 1}` }),
    );
  }
  expect(statuses.slice(0, 30)).toEqual(Array(30).fill(404));
  expect(statuses[30]).toBe(429);
  // Another socket address is its own key: not blocked by what 127.0.0.3 did.
  expect(await postFrom("127.0.0.2", baseURL!)).toBe(404);
});
