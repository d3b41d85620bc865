/**
 * next/headers outside a request: fixed request headers and an in-memory cookie jar.
 * x-homeplan-peer is the socket address the server stamps (lib/peer-address.ts); Next
 * fills X-Forwarded-For from the socket when a client sent none.
 */
let requestHeaders = new Headers({ "x-homeplan-peer": "203.0.113.9", "x-forwarded-for": "203.0.113.9" });
const jar = new Map<string, string>();

export function setRequestHeaders(next: Record<string, string>) {
  requestHeaders = new Headers(next);
}

export async function headers(): Promise<Headers> {
  return requestHeaders;
}

export async function cookies() {
  return {
    get: (name: string) => (jar.has(name) ? { name, value: jar.get(name)! } : undefined),
    getAll: () => [...jar].map(([name, value]) => ({ name, value })),
    has: (name: string) => jar.has(name),
    set: (name: string, value: string) => void jar.set(name, value),
    delete: (name: string) => void jar.delete(name),
  };
}

export async function draftMode() {
  return { isEnabled: false, enable() {}, disable() {} };
}
