import type { Database } from "@/db/client";

/**
 * Notices, without a round trip, whether a call sent any statement that could change a
 * row: every query, in or out of a transaction, passes drizzle's session logger. Only
 * then is the (slower) per-table fingerprint worth taking. A statement that names
 * insert/update/delete is only a suspect; the fingerprint says whether rows changed.
 */
const MAY_WRITE = /\b(insert|update|delete|merge|truncate)\b/i;

type Logger = { logQuery(query: string, params: unknown[]): void };
type SessionInternals = { session: { logger: Logger; options: { logger?: Logger } } };

export function watchWrites(db: Database): { suspect(): boolean; reset(): void; stop(): void } {
  const { session } = db as unknown as SessionInternals;
  const previous = { logger: session.logger, option: session.options.logger };
  let suspect = false;
  const logger: Logger = {
    logQuery(query, params) {
      if (MAY_WRITE.test(query)) suspect = true;
      previous.logger.logQuery(query, params);
    },
  };
  // The session logs its own queries; transactions build new sessions from its options.
  session.logger = logger;
  session.options.logger = logger;
  return {
    suspect: () => suspect,
    reset: () => void (suspect = false),
    stop: () => {
      session.logger = previous.logger;
      session.options.logger = previous.option;
    },
  };
}
