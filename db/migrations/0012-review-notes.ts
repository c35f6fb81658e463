import type { Kysely } from "kysely";
import { idColumn } from "../dialect.ts";

// A gemeente's review can point a remark at a question: each note belongs to the review event (a return or
// an acceptance) it was given with, and the team reads it beside that question. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("review_note")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("event_id", "integer", (c) => c.notNull().references("response_event.id"))
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("comment", "text", (c) => c.notNull())
    .addUniqueConstraint("review_note_event_item", ["event_id", "item_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("review_note").execute();
}
