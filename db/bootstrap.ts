import type { Connection } from "./client";
import { DEMO_LOGIN, seedDemoData } from "./demo-data";
import { syncCatalogue } from "@/lib/catalogue/sync";

/**
 * What every start does after migrating: bring the catalogue in line with content/,
 * and on an empty embedded database add the demo clinic so a first look needs no setup.
 */
export async function bootstrap(connection: Connection, options: { demo: boolean }): Promise<void> {
  const result = await syncCatalogue(connection.db);
  console.log(`[homeplan] catalogue: ${result.upserted} exercises in content/, ${result.retired} retired`);
  if (options.demo && (await seedDemoData(connection.db))) {
    console.log(
      `[homeplan] demo clinic created. Sign in with ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`,
    );
  }
}
