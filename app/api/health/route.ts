import { getConnection, latestMigration } from "@/db/client";

export const dynamic = "force-dynamic";

/** For load balancers and the e2e web server: 200 once the database answers, 503 before. */
export async function GET() {
  const headers = { "Cache-Control": "no-store" };
  try {
    const { db, driver } = await getConnection();
    return Response.json({ status: "ok", database: driver, migration: await latestMigration(db) }, { headers });
  } catch {
    return Response.json({ status: "unavailable", database: "unreachable", migration: null }, { status: 503, headers });
  }
}
