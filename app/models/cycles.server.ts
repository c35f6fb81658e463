import type { DB } from "../../db/client.ts";
import { cycleRound, newerRoundOpen } from "../domain/cycles.ts";
import { dayOf } from "../domain/format.ts";

// Which zelfscan round each region works on (app/domain/cycles.ts decides; this reads what it needs).

export async function zelfscanRounds(db: DB) {
  return db.selectFrom("round").selectAll().where("kind", "=", "zelfscan").execute();
}

/** The round each region's current cycle started on, as its transition log records it (absent: none yet). */
async function recordedRounds(db: DB, regionId?: number): Promise<Map<number, number>> {
  let query = db
    .selectFrom("phase_transition as pt")
    .select(["pt.region_id", "pt.round_id"])
    .where("pt.round_id", "is not", null)
    .where((eb) =>
      eb(
        "pt.id",
        "=",
        eb
          .selectFrom("phase_transition as later")
          .select((l) => l.fn.max("later.id").as("id"))
          .whereRef("later.region_id", "=", "pt.region_id")
          .where("later.round_id", "is not", null),
      ),
    );
  if (regionId !== undefined) query = query.where("pt.region_id", "=", regionId);
  return new Map((await query.execute()).map((r) => [r.region_id, r.round_id!]));
}

/** The round a region works on (the zelfscan round of its current cycle), or undefined when there are no rounds. */
export async function regionCycleRound(db: DB, regionId: number, now = new Date()) {
  const [recorded, rounds] = await Promise.all([recordedRounds(db, regionId), zelfscanRounds(db)]);
  return cycleRound(recorded.get(regionId) ?? null, rounds, dayOf(now));
}

/** Its id, for the pages that need only that. */
export async function cycleRoundId(db: DB, regionId: number, now = new Date()): Promise<number | null> {
  return (await regionCycleRound(db, regionId, now))?.id ?? null;
}

/** The cycle round of every region: for the national overview and the rounds page. */
export async function cycleRoundsOfRegions(db: DB, now = new Date()) {
  const [recorded, rounds, regions] = await Promise.all([
    recordedRounds(db),
    zelfscanRounds(db),
    db.selectFrom("region").select(["id", "name"]).orderBy("name").execute(),
  ]);
  return regions.map((region) => ({ ...region, round: cycleRound(recorded.get(region.id) ?? null, rounds, dayOf(now)) ?? null }));
}

/** A round newer than the region's cycle round that is open now: the one a new cycle would start on. */
export async function roundForNewCycle(db: DB, regionId: number, now = new Date()) {
  const [current, rounds] = await Promise.all([regionCycleRound(db, regionId, now), zelfscanRounds(db)]);
  return newerRoundOpen(current, rounds, dayOf(now));
}
