import type { Kysely } from "kysely";

// A team's and a gemeente's own scans of every round (their start pages' history, issue 28): the unique indexes
// of response begin with the round, so a search by team or gemeente alone read every response (0.25 ms at
// national scale, growing with every round).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex("response_team").on("response").column("team_id").execute();
  await db.schema.createIndex("response_municipality").on("response").column("municipality_id").execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("response_municipality").execute();
  await db.schema.dropIndex("response_team").execute();
}
