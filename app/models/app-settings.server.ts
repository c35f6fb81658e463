import type { DB } from "../../db/client.ts";
import { DEMO_EMAIL_DOMAIN } from "../domain/mail.ts";

// Settings the application keeps about itself (table app_setting).

/**
 * Whether the database holds the demo data: set by the demo seed (and by migration 0008 for a demo
 * database made before it). Figures no document publishes are then marked "demo, niet gepubliceerd".
 */
export async function isDemoData(db: DB): Promise<boolean> {
  return Boolean(await db.selectFrom("app_setting").select("value").where("key", "=", "demo_data").executeTakeFirst());
}

/**
 * Whether the installation has demo accounts that can sign in (active accounts at the demo's reserved
 * domain): production refuses to start with them at a public address, and every page says "Demo-omgeving".
 */
export async function hasDemoAccounts(db: DB): Promise<boolean> {
  const row = await db
    .selectFrom("user_account")
    .select("id")
    .where("email", "like", `%@${DEMO_EMAIL_DOMAIN}`)
    .where("disabled_at", "is", null)
    .limit(1)
    .executeTakeFirst();
  return Boolean(row);
}

const demoInstallations = new WeakMap<DB, Promise<boolean>>();

/**
 * hasDemoAccounts, asked once per process and database (it is settled when the database is made, and
 * every page asks it): a process started before the demo accounts were disabled says so until it restarts.
 */
export function isDemoInstallation(db: DB): Promise<boolean> {
  let known = demoInstallations.get(db);
  if (!known) {
    known = hasDemoAccounts(db);
    demoInstallations.set(db, known);
    known.catch(() => demoInstallations.delete(db));
  }
  return known;
}
