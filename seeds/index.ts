import type { DB } from "../db/client.ts";
import type { DemoAccount } from "./demo.ts";

/**
 * Seeds a new database: reference data always, demo data unless SEED_DEMO=false. A database that
 * already has regions is left alone, so a restart never duplicates or overwrites anything. The seed
 * modules are loaded only for a new database: a server starting on its existing data never holds them.
 */
export async function seedIfEmpty(db: DB, options: { demo: boolean; origin: string; now?: Date }): Promise<{ seeded: boolean; accounts: DemoAccount[] }> {
  const existing = await db.selectFrom("region").select("id").limit(1).executeTakeFirst();
  if (existing) return { seeded: false, accounts: [] };
  const { seedReferenceData } = await import("./reference.ts");
  await seedReferenceData(db);
  const accounts = options.demo ? await (await import("./demo.ts")).seedDemoData(db, { now: options.now, origin: options.origin }) : [];
  return { seeded: true, accounts };
}
