import type { Kysely } from "kysely";
import { idColumn } from "../dialect.ts";

// Reminders for the zelfscan (frozen once released):
// - one row per reminder a team or gemeente got in a round, at most one per recipient per day: the unique
//   key (round, recipient, day) lets two reminders sent at the same moment agree on who got one;
// - per round, how many days before it closes the automatic reminder goes (0: none), and when it went.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("zelfscan_reminder")
    .addColumn("id", "integer", idColumn(db))
    .addColumn("round_id", "integer", (c) => c.notNull().references("round.id"))
    // "team:<id>" or "gemeente:<id>": one column for the unique key, as either subject column is null.
    .addColumn("recipient", "text", (c) => c.notNull())
    .addColumn("team_id", "integer", (c) => c.references("team.id"))
    .addColumn("municipality_id", "integer", (c) => c.references("municipality.id"))
    .addColumn("day", "text", (c) => c.notNull())
    .addColumn("sent_at", "text", (c) => c.notNull())
    // Who sent it; null for the automatic reminder.
    .addColumn("sent_by", "integer", (c) => c.references("user_account.id"))
    .addUniqueConstraint("zelfscan_reminder_once_a_day", ["round_id", "recipient", "day"])
    .execute();
  await db.schema
    .alterTable("round")
    .addColumn("reminder_days", "integer", (c) => c.notNull().defaultTo(7))
    .execute();
  await db.schema.alterTable("round").addColumn("auto_reminded_at", "text").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("round").dropColumn("auto_reminded_at").execute();
  await db.schema.alterTable("round").dropColumn("reminder_days").execute();
  await db.schema.dropTable("zelfscan_reminder").execute();
}
