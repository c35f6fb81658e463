import type { DB } from "../../db/client.ts";
import { dayOf, formatDate } from "../domain/format.ts";
import { audit } from "./audit.server.ts";
import { gemeenteAccounts, notify, teamManagerAccounts } from "./notifications.server.ts";
import { ensureRoundTableRound } from "./rondetafel.server.ts";
import { newestVersionId } from "./rounds.server.ts";
import { inTransaction } from "../../db/transaction.ts";

// Round-table input: before a region's round-table talk of a year, programma asks its teams and gemeenten
// for input, with a deadline. The input is a short questionnaire of its own (one file per audience, on the
// same engine as the zelfscan), answered in the round-table round of that year.

export const INPUT_QUESTIONNAIRE = { team: "rondetafel-input-team", municipality: "rondetafel-input-gemeente" } as const;
export const INPUT_KEYS: string[] = Object.values(INPUT_QUESTIONNAIRE);

export type OpenInputResult =
  { ok: true; roundId: number; opened: { id: number; name: string }[]; alreadyOpen: string[] } | { ok: false; field: "region" | "deadline"; message: string };

/**
 * Opens the input of a year for one region or for every region (regionId null), each with the deadline.
 * A region whose input of that year is open already keeps its own; asking for one such region only is
 * refused. The teams and gemeenten are told (their start page shows the task). One transaction: a second
 * request at the same moment meets the unique index and changes nothing.
 */
export async function openRoundTableInput(
  db: DB,
  input: { year: number; regionId: number | null; deadline: string; userId: number; origin: string; now?: Date },
): Promise<OpenInputResult> {
  const now = input.now ?? new Date();
  if (input.deadline < dayOf(now)) return { ok: false, field: "deadline", message: "Kies een uiterste datum vanaf vandaag." };
  const roundId = await ensureRoundTableRound(db, input.year, now, input.userId);
  try {
    return await inTransaction(db, async (trx) => {
      for (const [audience, key] of Object.entries(INPUT_QUESTIONNAIRE) as [keyof typeof INPUT_QUESTIONNAIRE, string][]) {
        const versionId = await newestVersionId(trx, key);
        if (!versionId) throw new Error(`Vragenlijst ${key} is niet geladen`);
        // The round fixes the input's version the first time input is asked for (decision 52).
        await trx
          .insertInto("round_questionnaire")
          .values({ round_id: roundId, audience, questionnaire_key: key, questionnaire_version_id: versionId })
          .onConflict((oc) => oc.doNothing())
          .execute();
      }
      let regions = trx.selectFrom("region").select(["id", "name"]).orderBy("name");
      if (input.regionId !== null) regions = regions.where("id", "=", input.regionId);
      const asked = await regions.execute();
      const open = new Set((await trx.selectFrom("round_table_input").select("region_id").where("round_id", "=", roundId).execute()).map((r) => r.region_id));
      const opened = asked.filter((r) => !open.has(r.id));
      const alreadyOpen = asked.filter((r) => open.has(r.id)).map((r) => r.name);
      if (!opened.length) {
        return {
          ok: false as const,
          field: "region" as const,
          message:
            input.regionId !== null
              ? `De input voor het rondetafelgesprek ${input.year} is voor regio ${alreadyOpen[0]} al gevraagd. Er is niets gewijzigd.`
              : `De input voor het rondetafelgesprek ${input.year} is al voor alle regio's gevraagd. Er is niets gewijzigd.`,
        };
      }
      const at = now.toISOString();
      await trx
        .insertInto("round_table_input")
        .values(
          opened.map((r) => ({ round_id: roundId, region_id: r.id, deadline: input.deadline, opened_by: input.userId, opened_at: at, reminded_at: null })),
        )
        .execute();
      await audit(trx, {
        actorId: input.userId,
        action: "round_table_input.opened",
        entity: "round",
        entityId: roundId,
        changes: { regio: [null, opened.map((r) => r.name).join(", ")], uiterste_datum: [null, input.deadline] },
      });
      await tellRegions(trx, {
        regionIds: opened.map((r) => r.id),
        year: input.year,
        deadline: input.deadline,
        kind: "round_table_input.opened",
        origin: input.origin,
        now,
      });
      return { ok: true as const, roundId, opened, alreadyOpen };
    });
  } catch (error) {
    // Two requests at once: the other one opened it.
    if (error instanceof Error && /UNIQUE|unique/.test(error.message))
      return { ok: false, field: "region", message: "De input is intussen al gevraagd. Er is niets gewijzigd." };
    throw error;
  }
}

/** Tells the teams and gemeenten of the regions (all, or only those without submitted input) about the input. */
async function tellRegions(
  trx: DB,
  input: { regionIds: number[]; year: number; deadline: string; kind: string; origin: string; now: Date; onlyMissing?: { roundId: number } },
) {
  const teams = await trx
    .selectFrom("team")
    .innerJoin("municipality", "municipality.id", "team.municipality_id")
    .select(["team.id", "team.municipality_id"])
    .where("municipality.region_id", "in", input.regionIds)
    .where("team.active", "=", 1)
    .execute();
  const municipalities = await trx.selectFrom("municipality").select("id").where("region_id", "in", input.regionIds).execute();
  let teamIds = teams.map((t) => t.id);
  let municipalityIds = municipalities.map((m) => m.id);
  if (input.onlyMissing) {
    const done = await trx
      .selectFrom("response")
      .select(["team_id", "municipality_id"])
      .where("round_id", "=", input.onlyMissing.roundId)
      .where("questionnaire_key", "in", INPUT_KEYS)
      .where("status", "=", "submitted")
      .execute();
    const doneTeams = new Set(done.map((d) => d.team_id));
    const doneMunicipalities = new Set(done.map((d) => d.municipality_id));
    teamIds = teamIds.filter((id) => !doneTeams.has(id));
    municipalityIds = municipalityIds.filter((id) => !doneMunicipalities.has(id));
  }
  const due = formatDate(input.deadline);
  const reminder = input.onlyMissing !== undefined;
  const text = reminder
    ? `Herinnering: uw input voor het rondetafelgesprek ${input.year} is nog niet ingediend. Graag vóór ${due}; het duurt een paar minuten.`
    : `Het programma vraagt uw input voor het rondetafelgesprek ${input.year}, graag vóór ${due}. Het is een korte vragenlijst op uw startpagina.`;
  const subject = `${reminder ? "Herinnering: input" : "Input"} voor het rondetafelgesprek ${input.year}`;
  const teamManagers = await teamManagerAccounts(trx, teamIds);
  for (const manager of teamManagers) {
    await notify(trx, {
      userIds: [manager.id],
      notice: { kind: input.kind, text, link: `/rondetafel-input/${input.year}`, subject },
      origin: input.origin,
      now: input.now,
    });
  }
  for (const municipalityId of municipalityIds) {
    await notify(trx, {
      userIds: await gemeenteAccounts(trx, [municipalityId]),
      notice: { kind: input.kind, text, link: `/rondetafel-input/${input.year}`, subject },
      origin: input.origin,
      now: input.now,
    });
  }
  return teamManagers.length + municipalityIds.length;
}

/** The input asked of a region for a year, if any. */
export async function regionInput(db: DB, roundId: number, regionId: number) {
  return db.selectFrom("round_table_input").selectAll().where("round_id", "=", roundId).where("region_id", "=", regionId).executeTakeFirst();
}

export type RemindResult = { ok: true; told: number } | { ok: false; message: string };

/** The regio (or programma) reminds the teams and gemeenten of the region that have not submitted: once a day at most. */
export async function remindMissingInput(
  db: DB,
  input: { roundId: number; regionId: number; userId: number; origin: string; now?: Date },
): Promise<RemindResult> {
  const now = input.now ?? new Date();
  return inTransaction(db, async (trx) => {
    const asked = await trx
      .selectFrom("round_table_input")
      .innerJoin("round", "round.id", "round_table_input.round_id")
      .select(["round_table_input.id", "round_table_input.deadline", "round_table_input.reminded_at", "round.year"])
      .where("round_id", "=", input.roundId)
      .where("region_id", "=", input.regionId)
      .executeTakeFirst();
    if (!asked) return { ok: false as const, message: "Voor deze regio is geen input gevraagd." };
    if (asked.deadline < dayOf(now))
      return { ok: false as const, message: `De uiterste datum (${formatDate(asked.deadline)}) is voorbij; herinneren heeft geen zin meer.` };
    if (asked.reminded_at && now.getTime() - Date.parse(asked.reminded_at) < 86_400_000)
      return { ok: false as const, message: `Er is op ${formatDate(asked.reminded_at)} al een herinnering gestuurd; een volgende kan een dag later.` };
    // Claim the reminder first: a second click at the same moment finds it claimed.
    const claimed = await trx
      .updateTable("round_table_input")
      .set({ reminded_at: now.toISOString() })
      .where("id", "=", asked.id)
      .where((eb) => (asked.reminded_at === null ? eb("reminded_at", "is", null) : eb("reminded_at", "=", asked.reminded_at)))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { ok: false as const, message: "Er is zojuist al een herinnering gestuurd." };
    const told = await tellRegions(trx, {
      regionIds: [input.regionId],
      year: asked.year!,
      deadline: asked.deadline,
      kind: "round_table_input.reminder",
      origin: input.origin,
      now,
      onlyMissing: { roundId: input.roundId },
    });
    await audit(trx, {
      actorId: input.userId,
      action: "round_table_input.reminded",
      entity: "round",
      entityId: input.roundId,
      changes: { regio: [null, (await trx.selectFrom("region").select("name").where("id", "=", input.regionId).executeTakeFirst())?.name ?? null] },
    });
    return { ok: true as const, told };
  });
}

export interface InputTask {
  year: number;
  roundId: number;
  deadline: string;
  responseId: number | null;
  status: "draft" | "submitted" | null;
  submittedAt: string | null;
}

/**
 * The input tasks of a team or gemeente: the input asked of its region in the last year, newest first,
 * with its own response if it began one. Older ones stay readable through the response itself.
 */
export async function inputTasks(db: DB, subject: { teamId: number } | { municipalityId: number }, regionId: number, now = new Date()): Promise<InputTask[]> {
  const since = dayOf(new Date(now.getTime() - 365 * 86_400_000));
  const key = "teamId" in subject ? INPUT_QUESTIONNAIRE.team : INPUT_QUESTIONNAIRE.municipality;
  const rows = await db
    .selectFrom("round_table_input as i")
    .innerJoin("round", "round.id", "i.round_id")
    .leftJoin("response", (join) => {
      const base = join.onRef("response.round_id", "=", "i.round_id").on("response.questionnaire_key", "=", key);
      return "teamId" in subject ? base.on("response.team_id", "=", subject.teamId) : base.on("response.municipality_id", "=", subject.municipalityId);
    })
    .select(["round.year", "i.round_id", "i.deadline", "response.id as response_id", "response.status", "response.submitted_at"])
    .where("i.region_id", "=", regionId)
    .where("i.deadline", ">=", since)
    .orderBy("i.deadline", "desc")
    .execute();
  return rows.map((r) => ({
    year: r.year!,
    roundId: r.round_id,
    deadline: r.deadline,
    responseId: r.response_id,
    status: r.status,
    submittedAt: r.submitted_at,
  }));
}

/** Who in the region was asked and who gave input: every active team and every municipality, with its state. */
export async function regionInputStatus(db: DB, roundId: number, regionId: number) {
  const responses = await db
    .selectFrom("response")
    .select(["id", "team_id", "municipality_id", "status", "submitted_at"])
    .where("round_id", "=", roundId)
    .where("questionnaire_key", "in", INPUT_KEYS)
    .execute();
  const byTeam = new Map(responses.filter((r) => r.team_id !== null).map((r) => [r.team_id!, r]));
  const byMunicipality = new Map(responses.filter((r) => r.team_id === null && r.municipality_id !== null).map((r) => [r.municipality_id!, r]));
  const municipalities = await db.selectFrom("municipality").select(["id", "name"]).where("region_id", "=", regionId).orderBy("name").execute();
  const teams = await db
    .selectFrom("team")
    .innerJoin("municipality", "municipality.id", "team.municipality_id")
    .select(["team.id", "team.name", "municipality.name as municipality_name"])
    .where("municipality.region_id", "=", regionId)
    .where("team.active", "=", 1)
    .orderBy("municipality.name")
    .orderBy("team.name")
    .execute();
  const state = (r: { status: string; submitted_at: string | null } | undefined) =>
    ({ status: !r ? "not_started" : r.status === "submitted" ? "submitted" : "in_progress", submittedAt: r?.submitted_at ?? null }) as const;
  return {
    municipalities: municipalities.map((m) => ({ ...m, ...state(byMunicipality.get(m.id)) })),
    teams: teams.map((t) => ({ ...t, ...state(byTeam.get(t.id)) })),
  };
}

/** Per region, for programma's overview of a year: the deadline it was given, and how many teams and gemeenten answered. */
export async function inputOverview(db: DB, roundId: number) {
  const rows = await db
    .selectFrom("region")
    .leftJoin("round_table_input as i", (join) => join.onRef("i.region_id", "=", "region.id").on("i.round_id", "=", roundId))
    .select((eb) => [
      "region.id",
      "i.deadline",
      eb
        .selectFrom("team")
        .innerJoin("municipality", "municipality.id", "team.municipality_id")
        .select((t) => t.fn.countAll<number>().as("n"))
        .whereRef("municipality.region_id", "=", "region.id")
        .where("team.active", "=", 1)
        .as("teams"),
      eb
        .selectFrom("municipality")
        .select((m) => m.fn.countAll<number>().as("n"))
        .whereRef("municipality.region_id", "=", "region.id")
        .as("municipalities"),
      eb
        .selectFrom("response")
        .innerJoin("team", "team.id", "response.team_id")
        .innerJoin("municipality", "municipality.id", "team.municipality_id")
        .select((r) => r.fn.countAll<number>().as("n"))
        .whereRef("municipality.region_id", "=", "region.id")
        .where("response.round_id", "=", roundId)
        .where("response.questionnaire_key", "=", INPUT_QUESTIONNAIRE.team)
        .where("response.status", "=", "submitted")
        .as("teams_submitted"),
      eb
        .selectFrom("response")
        .innerJoin("municipality", "municipality.id", "response.municipality_id")
        .select((r) => r.fn.countAll<number>().as("n"))
        .whereRef("municipality.region_id", "=", "region.id")
        .where("response.round_id", "=", roundId)
        .where("response.questionnaire_key", "=", INPUT_QUESTIONNAIRE.municipality)
        .where("response.status", "=", "submitted")
        .as("municipalities_submitted"),
    ])
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        deadline: r.deadline,
        teams: Number(r.teams ?? 0),
        municipalities: Number(r.municipalities ?? 0),
        teamsSubmitted: Number(r.teams_submitted ?? 0),
        municipalitiesSubmitted: Number(r.municipalities_submitted ?? 0),
      },
    ]),
  );
}
