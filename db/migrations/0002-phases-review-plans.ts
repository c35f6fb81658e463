import { sql, type Kysely } from "kysely";
import { idColumn } from "../dialect.ts";

// Phases (an append-only transition log), the review of submitted responses, the region's analysis
// (findings and improvement points) and the municipalities' improvement plans. Frozen once released.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("phase_transition")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("region_id", "integer", (c) => c.notNull().references("region.id"))
    .addColumn("from_phase", "text")
    .addColumn("to_phase", "text", (c) => c.notNull().check(sql`to_phase in ('preparation', 'selfscan', 'analysis', 'plans', 'execution')`))
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('advance', 'back', 'override', 'cycle')`))
    // The round the region's cycle runs on; a new cycle records the new round.
    .addColumn("round_id", "integer", (c) => c.references("round.id"))
    .addColumn("actor_id", "integer", (c) => c.notNull().references("user_account.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .addColumn("reason", "text")
    .execute();
  await db.schema.createIndex("phase_transition_region").on("phase_transition").columns(["region_id", "id"]).execute();

  await db.schema.alterTable("response").addColumn("accepted_at", "text").execute();
  await db.schema
    .alterTable("response")
    .addColumn("accepted_by", "integer", (c) => c.references("user_account.id"))
    .execute();
  await db.schema.createIndex("response_round_team").on("response").columns(["round_id", "team_id"]).execute();

  await db.schema
    .createTable("region_analysis")
    .addColumn("region_id", "integer", (c) => c.notNull().references("region.id"))
    .addColumn("round_id", "integer", (c) => c.notNull().references("round.id"))
    .addColumn("summary", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.notNull().references("user_account.id"))
    .addPrimaryKeyConstraint("region_analysis_pk", ["region_id", "round_id"])
    .execute();

  await db.schema
    .createTable("analysis_theme")
    .addColumn("region_id", "integer", (c) => c.notNull().references("region.id"))
    .addColumn("round_id", "integer", (c) => c.notNull().references("round.id"))
    .addColumn("theme_key", "text", (c) => c.notNull())
    .addColumn("strengths", "text")
    .addPrimaryKeyConstraint("analysis_theme_pk", ["region_id", "round_id", "theme_key"])
    .execute();

  await db.schema
    .createTable("improvement_point")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("region_id", "integer", (c) => c.notNull().references("region.id"))
    .addColumn("round_id", "integer", (c) => c.notNull().references("round.id"))
    .addColumn("theme_key", "text", (c) => c.notNull())
    .addColumn("text", "text", (c) => c.notNull())
    .addColumn("position", "integer", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("improvement_point_region").on("improvement_point").columns(["region_id", "round_id"]).execute();

  await db.schema
    .createTable("improvement_plan")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("municipality_id", "integer", (c) => c.notNull().references("municipality.id"))
    .addColumn("round_id", "integer", (c) => c.notNull().references("round.id"))
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("adopted_at", "text")
    .addColumn("adopted_by", "integer", (c) => c.references("user_account.id"))
    .addUniqueConstraint("improvement_plan_unique", ["municipality_id", "round_id"])
    .execute();

  await db.schema
    .createTable("improvement_action")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("improvement_plan.id"))
    .addColumn("theme_key", "text", (c) => c.notNull())
    .addColumn("improvement_point_id", "integer", (c) => c.references("improvement_point.id"))
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("owner_team_id", "integer", (c) => c.references("team.id"))
    .addColumn("owner_name", "text")
    .addColumn("due_on", "text", (c) => c.notNull())
    .addColumn("status", "text", (c) => c.notNull().check(sql`status in ('planned', 'ongoing', 'done', 'dropped')`))
    .addColumn("progress_note", "text")
    .addColumn("created_at", "text", (c) => c.notNull())
    .addColumn("updated_at", "text", (c) => c.notNull())
    .addColumn("updated_by", "integer", (c) => c.notNull().references("user_account.id"))
    .execute();
  await db.schema.createIndex("improvement_action_plan").on("improvement_action").column("plan_id").execute();

  // Every plan change, appended and never edited: who, when, what.
  await db.schema
    .createTable("plan_event")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("plan_id", "integer", (c) => c.notNull().references("improvement_plan.id"))
    .addColumn("action_id", "integer", (c) => c.references("improvement_action.id"))
    .addColumn("type", "text", (c) => c.notNull())
    .addColumn("detail", "text")
    .addColumn("actor_id", "integer", (c) => c.notNull().references("user_account.id"))
    .addColumn("at", "text", (c) => c.notNull())
    .execute();
  await db.schema.createIndex("plan_event_plan").on("plan_event").column("plan_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["plan_event", "improvement_action", "improvement_plan", "improvement_point", "analysis_theme", "region_analysis", "phase_transition"]) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.dropIndex("response_round_team").execute();
  await db.schema.alterTable("response").dropColumn("accepted_by").execute();
  await db.schema.alterTable("response").dropColumn("accepted_at").execute();
}
