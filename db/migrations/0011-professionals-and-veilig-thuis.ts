import { sql, type Kysely } from "kysely";
import { idColumn, isPostgres } from "../dialect.ts";

// The zelfscan as a conversation (frozen once released):
// - a role for Veilig Thuis, scoped to a region, and an audience for its questionnaire about a gemeente;
// - the team's professionals give their view through single-use links: a request per team and round, the
//   invitations (an address only until the round closes, a token hash, a used flag), drafts keyed by a
//   second hash of the link, and submitted views that carry nothing of who gave them (a random id, the day);
// - one line per theme on what the team's conversation settled.

const ROLES = ["teammanager", "gemeente", "regio", "programma", "veilig_thuis"];
const AUDIENCES = ["team", "municipality", "region", "veilig_thuis"];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(", ");
const SCOPE_CHECK = `(role = 'programma' and region_id is null and municipality_id is null and team_id is null)
       or (role in ('regio', 'veilig_thuis') and region_id is not null and municipality_id is null and team_id is null)
       or (role = 'gemeente' and municipality_id is not null and region_id is null and team_id is null)
       or (role = 'teammanager' and team_id is not null and region_id is null and municipality_id is null)`;

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql.raw(`alter table user_account drop constraint if exists user_account_role_check`).execute(db);
    await sql.raw(`alter table user_account add constraint user_account_role_check check (role in (${list(ROLES)}))`).execute(db);
    await sql.raw(`alter table user_account drop constraint if exists user_scope_matches_role`).execute(db);
    await sql.raw(`alter table user_account add constraint user_scope_matches_role check (${SCOPE_CHECK})`).execute(db);
    for (const table of ["questionnaire_version", "round_questionnaire"]) {
      await sql.raw(`alter table ${table} drop constraint if exists ${table}_audience_check`).execute(db);
      await sql.raw(`alter table ${table} add constraint ${table}_audience_check check (audience in (${list(AUDIENCES)}))`).execute(db);
    }
  } else {
    // SQLite cannot change a CHECK in place: the tables are rebuilt with SQLite's own procedure
    // (sqlite.org/lang_altertable.html, "other kinds of table schema changes"), foreign keys off meanwhile.
    await rebuildSqliteTables(db, [
      {
        table: "user_account",
        replace: [
          [/check \(role in \([^)]*\)\)/, `check (role in (${list(ROLES)}))`],
          [/constraint "user_scope_matches_role" check \([\s\S]*\)\)$/, `constraint "user_scope_matches_role" check (${SCOPE_CHECK}))`],
        ],
      },
      { table: "questionnaire_version", replace: [[/check \(audience in \([^)]*\)\)/, `check (audience in (${list(AUDIENCES)}))`]] },
      { table: "round_questionnaire", replace: [[/check \(audience in \([^)]*\)\)/, `check (audience in (${list(AUDIENCES)}))`]] },
    ]);
  }

  await db.schema
    .createTable("view_request")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("team_id", "integer", (c) => c.notNull().references("team.id"))
    .addColumn("round_id", "integer", (c) => c.notNull().references("round.id"))
    .addColumn("opened_by", "integer", (c) => c.references("user_account.id"))
    .addColumn("opened_at", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("reminded_on", "text")
    .addUniqueConstraint("view_request_team_round", ["team_id", "round_id"])
    .execute();
  await db.schema
    .createTable("view_invitation")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("request_id", "integer", (c) => c.notNull().references("view_request.id"))
    .addColumn("email", "text")
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("used", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("invited_on", "text", (c) => c.notNull())
    .addColumn("reminded_on", "text")
    .execute();
  await db.schema.createIndex("view_invitation_request").on("view_invitation").columns(["request_id", "used"]).execute();
  await db.schema
    .createTable("view_draft")
    .addColumn("key_hash", "text", (c) => c.primaryKey())
    .addColumn("request_id", "integer", (c) => c.notNull().references("view_request.id"))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("answers", "text", (c) => c.notNull())
    .addColumn("updated_on", "text", (c) => c.notNull())
    .execute();
  await db.schema
    .createTable("view_response")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("request_id", "integer", (c) => c.notNull().references("view_request.id"))
    .addColumn("submitted_on", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("view_response_request").on("view_response").column("request_id").execute();
  await db.schema
    .createTable("view_answer")
    .addColumn("response_id", "text", (c) => c.notNull().references("view_response.id"))
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("value", "text")
    .addColumn("comment", "text")
    .addPrimaryKeyConstraint("view_answer_pk", ["response_id", "item_key"])
    .execute();
  await db.schema
    .createTable("view_conclusion")
    .addColumn("request_id", "integer", (c) => c.notNull().references("view_request.id"))
    .addColumn("theme_key", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("user_account.id"))
    .addPrimaryKeyConstraint("view_conclusion_pk", ["request_id", "theme_key"])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["view_conclusion", "view_answer", "view_response", "view_draft", "view_invitation", "view_request"]) {
    await db.schema.dropTable(table).execute();
  }
}

/** Rebuilds SQLite tables with their CREATE statement changed, keeping rows, ids and indexes, in one transaction. */
async function rebuildSqliteTables(db: Kysely<any>, tables: { table: string; replace: [RegExp, string][] }[]) {
  await sql`pragma foreign_keys = off`.execute(db);
  try {
    await sql`begin immediate`.execute(db);
    try {
      for (const { table, replace } of tables) {
        const created = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'table' and name = ${table}`.execute(db);
        const indexes = await sql<{ sql: string }>`select sql from sqlite_schema where type = 'index' and tbl_name = ${table} and sql is not null`.execute(db);
        let ddl = created.rows[0]!.sql.replace(`CREATE TABLE "${table}"`, `CREATE TABLE "${table}__new"`);
        for (const [pattern, replacement] of replace) {
          if (!pattern.test(ddl)) throw new Error(`Migratie 0011: ${table} heeft niet de verwachte vorm (${pattern})`);
          ddl = ddl.replace(pattern, replacement);
        }
        await sql.raw(ddl).execute(db);
        await sql.raw(`insert into "${table}__new" select * from "${table}"`).execute(db);
        await sql.raw(`drop table "${table}"`).execute(db);
        await sql.raw(`alter table "${table}__new" rename to "${table}"`).execute(db);
        for (const index of indexes.rows) await sql.raw(index.sql).execute(db);
      }
      const broken = await sql`pragma foreign_key_check`.execute(db);
      if (broken.rows.length) throw new Error(`Migratie 0011: verwijzingen kloppen niet meer (${JSON.stringify(broken.rows.slice(0, 3))})`);
      await sql`commit`.execute(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
  } finally {
    await sql`pragma foreign_keys = on`.execute(db);
  }
}
