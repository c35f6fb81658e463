import type { DB } from "../../db/client.ts";
import { currentPhaseFromLog, DEFAULT_PHASE_SETTINGS, type PhaseKey, type PhaseSettings, type RegionSnapshot, type TransitionKind } from "../domain/phases.ts";
import { lowThemes } from "../domain/scoring.ts";
import { audit } from "./audit.server.ts";
import { regionThemeFigures } from "./results.server.ts";
import { cycleRoundId, roundForNewCycle } from "./cycles.server.ts";
import { getCurrentRound, getRoundQuestionnaireKey } from "./rounds.server.ts";
import { inTransaction } from "../../db/transaction.ts";

// The region's phase: an append-only log of transitions; the current phase follows from it.

export async function phaseLog(db: DB, regionId: number) {
  return db
    .selectFrom("phase_transition")
    .innerJoin("user_account", "user_account.id", "phase_transition.actor_id")
    .select([
      "phase_transition.id",
      "phase_transition.from_phase",
      "phase_transition.to_phase",
      "phase_transition.kind",
      "phase_transition.round_id",
      "phase_transition.at",
      "phase_transition.reason",
      "user_account.name as actor_name",
    ])
    .where("phase_transition.region_id", "=", regionId)
    .orderBy("phase_transition.id")
    .execute();
}

export async function currentPhase(db: DB, regionId: number) {
  const last = await db.selectFrom("phase_transition").select(["to_phase", "at"]).where("region_id", "=", regionId).orderBy("id", "desc").limit(1).execute();
  return currentPhaseFromLog(last);
}

export async function regionSnapshot(
  db: DB,
  regionId: number,
  settings: PhaseSettings = DEFAULT_PHASE_SETTINGS,
): Promise<RegionSnapshot & { roundId: number | null }> {
  const roundId = await cycleRoundId(db, regionId);
  const open = await getCurrentRound(db);
  const newRound = await roundForNewCycle(db, regionId);
  const municipalities = await db
    .selectFrom("municipality")
    .select((eb) => [
      "municipality.id",
      eb
        .selectFrom("team")
        .select((t) => t.fn.countAll<number>().as("n"))
        .whereRef("team.municipality_id", "=", "municipality.id")
        .where("team.active", "=", 1)
        .as("teams"),
    ])
    .where("region_id", "=", regionId)
    .execute();
  const participating = municipalities.filter((m) => Number(m.teams) > 0).map((m) => m.id);
  const teams = municipalities.reduce((n, m) => n + Number(m.teams ?? 0), 0);
  let submittedTeams = 0;
  let submittedMunicipalParts = 0;
  let hasSummary = false;
  let low: string[] = [];
  let themesWithPoints: string[] = [];
  let adoptedPlans = 0;
  if (roundId !== null) {
    const teamKey = (await getRoundQuestionnaireKey(db, roundId, "team")) ?? "";
    const municipalKey = (await getRoundQuestionnaireKey(db, roundId, "municipality")) ?? "";
    submittedTeams = Number(
      (
        await db
          .selectFrom("response")
          .innerJoin("team", "team.id", "response.team_id")
          .innerJoin("municipality", "municipality.id", "team.municipality_id")
          .select((eb) => eb.fn.countAll<number>().as("n"))
          .where("municipality.region_id", "=", regionId)
          .where("team.active", "=", 1)
          .where("response.round_id", "=", roundId)
          .where("response.questionnaire_key", "=", teamKey)
          .where("response.status", "=", "submitted")
          .executeTakeFirstOrThrow()
      ).n,
    );
    if (participating.length) {
      submittedMunicipalParts = Number(
        (
          await db
            .selectFrom("response")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("municipality_id", "in", participating)
            .where("round_id", "=", roundId)
            .where("questionnaire_key", "=", municipalKey)
            .where("status", "=", "submitted")
            .executeTakeFirstOrThrow()
        ).n,
      );
      adoptedPlans = Number(
        (
          await db
            .selectFrom("improvement_plan")
            .select((eb) => eb.fn.countAll<number>().as("n"))
            .where("municipality_id", "in", participating)
            .where("round_id", "=", roundId)
            .where("adopted_at", "is not", null)
            .where((eb) =>
              eb.exists(eb.selectFrom("improvement_action").select("improvement_action.id").whereRef("improvement_action.plan_id", "=", "improvement_plan.id")),
            )
            .executeTakeFirstOrThrow()
        ).n,
      );
    }
    hasSummary = Boolean(
      await db
        .selectFrom("region_analysis")
        .select("summary")
        .where("region_id", "=", regionId)
        .where("round_id", "=", roundId)
        .where("summary", "!=", "")
        .executeTakeFirst(),
    );
    low = lowThemes((await regionThemeFigures(db, roundId, { regionId })).figures, settings.lowThemeScore);
    themesWithPoints = (
      await db.selectFrom("improvement_point").select("theme_key").distinct().where("region_id", "=", regionId).where("round_id", "=", roundId).execute()
    ).map((r) => r.theme_key);
  }
  return {
    roundId,
    municipalities: municipalities.length,
    participatingMunicipalities: participating.length,
    teams,
    roundOpen: Boolean(open),
    newRoundOpen: Boolean(newRound),
    submittedTeams,
    submittedMunicipalParts,
    findings: { hasSummary, lowThemes: low, themesWithPoints },
    adoptedPlans,
  };
}

export type RecordResult = { ok: true } | { ok: false; reason: "stale" };

/**
 * Appends a transition, if the region is still in the phase the user saw, with the round the
 * region's cycle runs on.
 */
export async function recordTransition(
  db: DB,
  input: {
    regionId: number;
    expected: PhaseKey;
    to: PhaseKey;
    kind: TransitionKind;
    actorId: number;
    reason: string | null;
    roundId: number | null;
    now?: Date;
    /** More to write in the same transaction (notifications), only if the transition is recorded. */
    alsoWrite?: (trx: DB) => Promise<void>;
  },
): Promise<RecordResult> {
  return inTransaction(db, async (trx) => {
    const last = await trx
      .selectFrom("phase_transition")
      .select(["to_phase", "at"])
      .where("region_id", "=", input.regionId)
      .orderBy("id", "desc")
      .limit(1)
      .execute();
    if (currentPhaseFromLog(last).phase !== input.expected) return { ok: false, reason: "stale" };
    await trx
      .insertInto("phase_transition")
      .values({
        region_id: input.regionId,
        from_phase: input.expected,
        to_phase: input.to,
        kind: input.kind,
        round_id: input.roundId,
        actor_id: input.actorId,
        at: (input.now ?? new Date()).toISOString(),
        reason: input.reason,
      })
      .execute();
    await audit(trx, {
      actorId: input.actorId,
      action: `phase.${input.kind}`,
      entity: "region",
      entityId: input.regionId,
      changes: { phase: [input.expected, input.to], ...(input.reason ? { reason: [null, input.reason] } : {}) },
    });
    await input.alsoWrite?.(trx);
    return { ok: true };
  });
}

/** Every region with its current phase and since when: the national overview. */
export async function regionsWithPhase(db: DB) {
  const rows = await db
    .selectFrom("region")
    .leftJoin("phase_transition as pt", (join) =>
      join.onRef("pt.region_id", "=", "region.id").on((eb) =>
        eb(
          "pt.id",
          "=",
          eb
            .selectFrom("phase_transition as last")
            .select((l) => l.fn.max("last.id").as("id"))
            .whereRef("last.region_id", "=", "region.id"),
        ),
      ),
    )
    .select(["region.id", "region.name", "pt.to_phase", "pt.at"])
    .orderBy("region.name")
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.name, ...currentPhaseFromLog(r.to_phase && r.at ? [{ to_phase: r.to_phase, at: r.at }] : []) }));
}
