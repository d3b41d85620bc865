// `npm run db:seed`: syncs the catalogue from content/ and adds the demo clinic to an empty database.
import { bootstrap } from "@/lib/bootstrap";
import { getConnection } from "./client";

const connection = await getConnection();
await bootstrap(connection, { demo: true });
await connection.close();
