import { sql } from "drizzle-orm";
import { getConnection, rowsOf } from "@/db/client";

export const dynamic = "force-dynamic";

/** For load balancers and the e2e web server: 200 once the database answers, 503 before. */
export async function GET() {
  try {
    const { db, driver } = await getConnection();
    const result = await db.execute(sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`);
    const [latest] = rowsOf<{ hash: string; created_at: string | number }>(result);
    return Response.json(
      { status: "ok", database: driver, migration: latest ? String(latest.created_at) : null },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch {
    return Response.json(
      { status: "unavailable", database: "unreachable", migration: null },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
}
