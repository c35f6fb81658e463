import { sql, type Kysely } from "kysely";

// Rounds of two kinds: the zelfscan (teams and municipalities) and the yearly round table with each
// region. The current zelfscan round must never be a round-table round. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("round")
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .defaultTo("zelfscan")
        .check(sql`kind in ('zelfscan', 'rondetafel')`),
    )
    .execute();
  await db.schema.alterTable("round").addColumn("year", "integer").execute();
  await sql`create unique index round_rondetafel_year on round (year) where kind = 'rondetafel'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index round_rondetafel_year`.execute(db);
  await db.schema.alterTable("round").dropColumn("year").execute();
  await db.schema.alterTable("round").dropColumn("kind").execute();
}
