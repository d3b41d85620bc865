import http from "node:http";
import https from "node:https";
import { PEER_HEADER } from "@/lib/request";

const INSTALLED = Symbol.for("homeplan.peerAddressHeader");

/**
 * Route handlers see only headers, and Next fills X-Forwarded-For from the socket only
 * when the client sent none, so the real peer address is otherwise lost. Before any
 * handler runs, every incoming request gets the socket's address in PEER_HEADER,
 * replacing whatever a client put there. The server is created by Next before
 * instrumentation runs, so the hook goes on the prototype, where its emit is found.
 */
export function installPeerAddressHeader(): void {
  const marked = globalThis as { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  for (const proto of new Set([http.Server.prototype, https.Server.prototype])) {
    const emit = proto.emit;
    proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const request = args[0] as http.IncomingMessage;
        request.headers[PEER_HEADER] = request.socket?.remoteAddress ?? "";
      }
      return emit.apply(this, [event, ...args] as Parameters<typeof emit>);
    } as typeof emit;
  }
}
