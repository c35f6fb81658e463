import type { Kysely } from "kysely";

// The outbox is sent by one process at a time, also when several processes or machines share the
// database: a sender first claims a message (a conditional update on claimed_at), then sends it. A claim
// older than ten minutes (a sender that died) may be taken over. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").addColumn("claimed_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("outbox").dropColumn("claimed_at").execute();
}
