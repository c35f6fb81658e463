import { sql } from "kysely";
import type { DB } from "../../db/client.ts";

/** Whether the database answers a query now (for the health check a load balancer asks). */
export async function databaseAnswers(db: DB): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}
