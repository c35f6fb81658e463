import { sql, type Kysely } from "kysely";
import { idColumn } from "../dialect.ts";

// Round-table input: programma asks the teams and gemeenten of a region for input before the region's
// round-table talk of a year, with a deadline. And a place for facts about the database itself: whether
// it holds demo data (the dashboard marks the demo's unpublished figures). Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("round_table_input")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("round_id", "integer", (c) => c.notNull().references("round.id"))
    .addColumn("region_id", "integer", (c) => c.notNull().references("region.id"))
    .addColumn("deadline", "text", (c) => c.notNull())
    .addColumn("opened_by", "integer", (c) => c.references("user_account.id"))
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("reminded_at", "text")
    .addUniqueConstraint("round_table_input_round_region", ["round_id", "region_id"])
    .execute();

  await db.schema
    .createTable("app_setting")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("value", "text", (c) => c.notNull())
    .execute();
  // A database made by an earlier release's demo seed holds demo data: its demo accounts say so.
  await sql`
    insert into app_setting (key, value)
    select 'demo_data', cast(${new Date().toISOString()} as text) where exists (select 1 from user_account where email like '%@demo.nl')
  `.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("app_setting").execute();
  await db.schema.dropTable("round_table_input").execute();
}
