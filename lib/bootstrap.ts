import type { Connection } from "@/db/client";
import { DEMO_LOGIN, seedDemoData } from "@/lib/demo/data";
import { syncCatalogue } from "@/lib/catalogue/sync";
import { env } from "@/lib/env";
import { linkKey } from "@/lib/links/token";

/**
 * What every start does after migrating: bring the catalogue in line with content/,
 * and on an empty embedded database add the demo clinic so a first look needs no setup.
 */
export async function bootstrap(connection: Connection, options: { demo: boolean }): Promise<void> {
  const result = await syncCatalogue(connection.db);
  console.log(`[homeplan] catalogue: ${result.upserted} exercises in content/, ${result.retired} retired`);
  if (!options.demo) return;
  const settings = env();
  const started = performance.now();
  const demo = await seedDemoData(connection.db, { key: linkKey(settings.AUTH_SECRET), appUrl: settings.APP_URL });
  if (demo) {
    console.log(
      `[homeplan] demo clinic created in ${Math.round(performance.now() - started)} ms. Sign in with ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}`,
    );
    console.log(`[homeplan] a demo patient's page: ${demo.patientUrl}`);
  }
}
