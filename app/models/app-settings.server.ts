import type { DB } from "../../db/client.ts";

// Settings the application keeps about itself (table app_setting).

/**
 * Whether the database holds the demo data: set by the demo seed (and by migration 0008 for a demo
 * database made before it). Figures no document publishes are then marked "demo, niet gepubliceerd".
 */
export async function isDemoData(db: DB): Promise<boolean> {
  return Boolean(await db.selectFrom("app_setting").select("value").where("key", "=", "demo_data").executeTakeFirst());
}
