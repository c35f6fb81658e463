import { sql, type Kysely } from "kysely";
import { idColumn, isPostgres } from "../dialect.ts";

// Frozen once released: never edit, add a new numbered migration instead. Imports no app code.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("region")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("slug", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull().unique())
    .execute();

  await db.schema
    .createTable("municipality")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("cbs_code", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("region_id", "integer", (c) => c.notNull().references("region.id"))
    .execute();
  await db.schema.createIndex("municipality_region").on("municipality").column("region_id").execute();

  await db.schema
    .createTable("team")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("municipality_id", "integer", (c) => c.notNull().references("municipality.id"))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('wijkteam', 'cjg', 'save', 'expertiseteam', 'other')`))
    .addColumn("active", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("team_municipality").on("team").column("municipality_id").execute();

  await db.schema
    .createTable("user_account")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("password_hash", "text", (c) => c.notNull())
    .addColumn("role", "text", (c) => c.notNull().check(sql`role in ('teammanager', 'gemeente', 'regio', 'programma')`))
    .addColumn("region_id", "integer", (c) => c.references("region.id"))
    .addColumn("municipality_id", "integer", (c) => c.references("municipality.id"))
    .addColumn("team_id", "integer", (c) => c.references("team.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("disabled_at", "text")
    .addCheckConstraint(
      "user_scope_matches_role",
      sql`(role = 'programma' and region_id is null and municipality_id is null and team_id is null)
       or (role = 'regio' and region_id is not null and municipality_id is null and team_id is null)
       or (role = 'gemeente' and municipality_id is not null and region_id is null and team_id is null)
       or (role = 'teammanager' and team_id is not null and region_id is null and municipality_id is null)`,
    )
    .execute();

  await db.schema
    .createTable("session")
    .addColumn("id", "text", (c) => c.primaryKey())
    .addColumn("user_id", "integer", (c) => c.notNull().references("user_account.id").onDelete("cascade"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("last_seen_at", "text", (c) => c.notNull())
    .addColumn("expires_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("session_user").on("session").column("user_id").execute();

  await db.schema
    .createTable("questionnaire_version")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("key", "text", (c) => c.notNull())
    .addColumn("version", "integer", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("audience", "text", (c) => c.notNull().check(sql`audience in ('team', 'municipality', 'region')`))
    .addColumn("content_hash", "text", (c) => c.notNull())
    .addColumn("definition", "text", (c) => c.notNull())
    .addColumn("registered_at", "text", (c) => c.notNull())
    .addUniqueConstraint("questionnaire_version_key_version", ["key", "version"])
    .execute();

  await db.schema
    .createTable("round")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("name", "text", (c) => c.notNull())
    .addColumn("opens_on", "text", (c) => c.notNull())
    .addColumn("closes_on", "text", (c) => c.notNull())
    .addColumn("closed_at", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();

  await db.schema
    .createTable("round_questionnaire")
    .addColumn("round_id", "integer", (c) => c.notNull().references("round.id"))
    .addColumn("audience", "text", (c) => c.notNull().check(sql`audience in ('team', 'municipality', 'region')`))
    .addColumn("questionnaire_key", "text", (c) => c.notNull())
    .addPrimaryKeyConstraint("round_questionnaire_pk", ["round_id", "audience"])
    .execute();

  await db.schema
    .createTable("response")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("round_id", "integer", (c) => c.notNull().references("round.id"))
    .addColumn("questionnaire_key", "text", (c) => c.notNull())
    .addColumn("questionnaire_version_id", "integer", (c) => c.notNull().references("questionnaire_version.id"))
    .addColumn("team_id", "integer", (c) => c.references("team.id"))
    .addColumn("municipality_id", "integer", (c) => c.references("municipality.id"))
    .addColumn("region_id", "integer", (c) => c.references("region.id"))
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('draft', 'submitted')`))
    .addColumn("revision", "integer", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.references("user_account.id"))
    .addColumn("submitted_at", "text")
    .addColumn("submitted_by", "integer", (c) => c.references("user_account.id"))
    // Exactly one subject. PostgreSQL does not add booleans; num_nonnulls says the same.
    .addCheckConstraint(
      "response_one_subject",
      isPostgres(db)
        ? sql`num_nonnulls(team_id, municipality_id, region_id) = 1`
        : sql`(team_id is not null) + (municipality_id is not null) + (region_id is not null) = 1`,
    )
    .execute();
  // One response per subject, questionnaire and round.
  await sql`create unique index response_team_unique on response (round_id, questionnaire_key, team_id) where team_id is not null`.execute(db);
  await sql`create unique index response_municipality_unique on response (round_id, questionnaire_key, municipality_id) where municipality_id is not null`.execute(
    db,
  );
  await sql`create unique index response_region_unique on response (round_id, questionnaire_key, region_id) where region_id is not null`.execute(db);

  await db.schema
    .createTable("answer")
    .addColumn("response_id", "integer", (c) => c.notNull().references("response.id").onDelete("cascade"))
    .addColumn("item_key", "text", (c) => c.notNull())
    .addColumn("value", "text")
    .addColumn("comment", "text")
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.notNull().references("user_account.id"))
    .addPrimaryKeyConstraint("answer_pk", ["response_id", "item_key"])
    .execute();

  await db.schema
    .createTable("response_event")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("response_id", "integer", (c) => c.notNull().references("response.id").onDelete("cascade"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("actor_id", "integer", (c) => c.notNull().references("user_account.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("comment", "text")
    .execute();
  await db.schema.createIndex("response_event_response").on("response_event").column("response_id").execute();

  await db.schema
    .createTable("pending_save")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user_account.id").onDelete("cascade"))
    .addColumn("path", "text", (c) => c.notNull())
    .addColumn("fields", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("pending_save_user_path").on("pending_save").columns(["user_id", "path"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    "pending_save",
    "response_event",
    "answer",
    "response",
    "round_questionnaire",
    "round",
    "questionnaire_version",
    "session",
    "user_account",
    "team",
    "municipality",
    "region",
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
