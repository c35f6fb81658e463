import type { Kysely } from "kysely";
import { idColumn } from "../dialect.ts";

// Published national pictures (issue 30; frozen once released): each publication of a year is a snapshot of
// the picture as it was, kept and dated; a withdrawal keeps the row with its reason. The public page shows a
// year's newest publication that is not withdrawn.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("publication")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("year", "integer", (c) => c.notNull())
    .addColumn("snapshot", "text", (c) => c.notNull())
    .addColumn("published_at", "text", (c) => c.notNull())
    .addColumn("published_by", "integer", (c) => c.references("user_account.id"))
    .addColumn("withdrawn_at", "text")
    .addColumn("withdrawn_by", "integer", (c) => c.references("user_account.id"))
    .addColumn("withdraw_reason", "text")
    .execute();
  await db.schema.createIndex("publication_year").on("publication").column("year").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("publication").execute();
}
