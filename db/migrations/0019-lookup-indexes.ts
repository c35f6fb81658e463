import type { Kysely } from "kysely";

// Lookups the pages make by a column no index began with, so each read the whole table (issue 28): a team's and a
// gemeente's scans of every round (their start pages' history; the unique indexes of response begin with the
// round), the actions a team owns (its start page), and a gemeente's accounts (told when a team submits).

const indexes = [
  { name: "response_team", table: "response", column: "team_id" },
  { name: "response_municipality", table: "response", column: "municipality_id" },
  { name: "improvement_action_owner_team", table: "improvement_action", column: "owner_team_id" },
  { name: "user_account_municipality", table: "user_account", column: "municipality_id" },
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const { name, table, column } of indexes) await db.schema.createIndex(name).on(table).column(column).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const { name } of indexes.toReversed()) await db.schema.dropIndex(name).execute();
}
