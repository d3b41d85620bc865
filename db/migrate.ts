// `npm run db:migrate`: applies db/migrations to DATABASE_URL, or to the embedded database.
import { getConnection } from "./client";

const connection = await getConnection();
console.log(`[homeplan] migrations applied (${connection.driver})`);
await connection.close();
