import { sql, type Kysely } from "kysely";
import { idColumn } from "../dialect.ts";

// A round fixes the questionnaire version of each audience; notifications per user, with mail that can
// be switched off; progress notes of the team that owns an improvement action. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("round_questionnaire")
    .addColumn("questionnaire_version_id", "integer", (c) => c.references("questionnaire_version.id"))
    .execute();
  // Rounds opened before: the version their responses use (the most used one), else the newest registered.
  await sql`
    update round_questionnaire set questionnaire_version_id = coalesce(
      (select response.questionnaire_version_id from response
        where response.round_id = round_questionnaire.round_id and response.questionnaire_key = round_questionnaire.questionnaire_key
        group by response.questionnaire_version_id order by count(*) desc, response.questionnaire_version_id limit 1),
      (select questionnaire_version.id from questionnaire_version
        where questionnaire_version.key = round_questionnaire.questionnaire_key order by questionnaire_version.version desc limit 1))
  `.execute(db);

  await db.schema
    .alterTable("user_account")
    .addColumn("mail_notifications", "integer", (c) => c.notNull().defaultTo(1))
    .execute();

  await db.schema
    .createTable("notification")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("user_id", "integer", (c) => c.notNull().references("user_account.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("link", "text", (c) => c.notNull())
    .addColumn("created_at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("notification_user").on("notification").columns(["user_id", "id"]).execute();

  await db.schema
    .createTable("action_note")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("action_id", "integer", (c) => c.notNull().references("improvement_action.id"))
    .addColumn("team_id", "integer", (c) => c.notNull().references("team.id"))
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("author_id", "integer", (c) => c.notNull().references("user_account.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("action_note_action").on("action_note").columns(["action_id", "id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("action_note").execute();
  await db.schema.dropTable("notification").execute();
  await db.schema.alterTable("user_account").dropColumn("mail_notifications").execute();
  await db.schema.alterTable("round_questionnaire").dropColumn("questionnaire_version_id").execute();
}
