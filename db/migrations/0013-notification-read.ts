import type { Kysely } from "kysely";

// A notification is read (opened, or "alles gelezen") at a moment; unread ones are counted on the start
// page. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("notification").addColumn("read_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("notification").dropColumn("read_at").execute();
}
