import { describe, expect, it } from "vitest";
import { addressBucket, clientIp, compileTrust, PEER_HEADER } from "./request";

const none = compileTrust([]);
const from = (peer: string | null, forwardedFor?: string) => {
  const h = new Headers();
  if (peer !== null) h.set(PEER_HEADER, peer);
  if (forwardedFor !== undefined) h.set("x-forwarded-for", forwardedFor);
  return h;
};

describe("the client address", () => {
  it("is the socket peer; a client-set X-Forwarded-For from an untrusted peer changes nothing", () => {
    expect(clientIp(from("198.51.100.7"), none)).toBe("198.51.100.7");
    for (const spoof of ["203.0.113.9", "10.0.0.1, 203.0.113.9", "garbage", "1.2.3.4,5.6.7.8"]) {
      expect(clientIp(from("198.51.100.7", spoof), none)).toBe("198.51.100.7");
    }
    // Even a trusted-looking chain is ignored when the peer itself is not a configured proxy.
    expect(clientIp(from("198.51.100.7", "203.0.113.9"), compileTrust(["10.0.0.0/8"]))).toBe("198.51.100.7");
  });

  it("walks X-Forwarded-For through trusted hops only", () => {
    const trust = compileTrust(["10.0.0.0/8", "127.0.0.1"]);
    // peer 10.0.0.2 (trusted) says it saw 10.0.0.3 (trusted), which saw 203.0.113.5: the client.
    expect(clientIp(from("10.0.0.2", "198.51.100.99, 203.0.113.5, 10.0.0.3"), trust)).toBe("203.0.113.5");
    // A left-most entry the client wrote itself is never reached past an untrusted hop.
    expect(clientIp(from("127.0.0.1", "6.6.6.6, 203.0.113.5"), trust)).toBe("203.0.113.5");
    expect(clientIp(from("127.0.0.1"), trust)).toBe("127.0.0.1");
    expect(clientIp(from("::1", "203.0.113.5"), compileTrust(["loopback"]))).toBe("203.0.113.5");
  });

  it("normalises IPv6 and IPv4-mapped addresses, so one client is one key", () => {
    expect(clientIp(from("::ffff:198.51.100.7"), none)).toBe("198.51.100.7");
    expect(clientIp(from("2001:DB8:0:0::1"), none)).toBe("2001:db8::1");
    expect(clientIp(from("::ffff:127.0.0.1", "203.0.113.5"), compileTrust(["127.0.0.1"]))).toBe("203.0.113.5");
  });

  it("is 'unknown' without a peer address (never a header the client could have set)", () => {
    expect(clientIp(from(null, "203.0.113.9"), none)).toBe("unknown");
    expect(clientIp(from("not an address"), none)).toBe("unknown");
  });

  it("throttles IPv6 by its /64, since one subscriber holds a whole /64", () => {
    expect(addressBucket("2001:db8:1:2:aaaa::1")).toBe(addressBucket("2001:db8:1:2:ffff::9"));
    expect(addressBucket("2001:db8:1:2::1")).not.toBe(addressBucket("2001:db8:1:3::1"));
    expect(addressBucket("198.51.100.7")).toBe("198.51.100.7");
  });

  it("refuses a TRUSTED_PROXIES entry that is not an address, range or known word", () => {
    expect(() => compileTrust(["10.0.0.0/8", "linklocal", "uniquelocal"])).not.toThrow();
    expect(() => compileTrust(["my-proxy.example.org"])).toThrow();
  });
});
