import type { DB } from "../../db/client.ts";
import { inTransaction } from "../../db/transaction.ts";
import { compareDutch, dayOf, formatDate } from "../domain/format.ts";
import { audit } from "./audit.server.ts";
import { cycleRoundsOfRegions } from "./cycles.server.ts";
import { gemeenteAccountsOf, notify, teamManagerAccounts } from "./notifications.server.ts";
import { getRoundQuestionnaireKey } from "./rounds.server.ts";

// Reminders for the zelfscan (decision 88): the gemeente reminds its teams, the regio its gemeenten and
// teams, that have not submitted the zelfscan of the round their region works on; and once per round, a
// configurable number of days before it closes, everyone who has not submitted is reminded automatically.
// Nobody gets more than one a day: the unique key (round, recipient, day) decides, also when two are sent
// at the same moment. A reminder is a notification on the start page and, for who wants mail, a mail.

/** Whose teams (and, for a region, gemeenten) are reminded. */
export type ReminderScope = { municipalityId: number } | { regionId: number };

export interface MissingScan {
  /** "team:<id>" or "gemeente:<id>": the key of the once-a-day rule. */
  recipient: string;
  kind: "team" | "gemeente";
  id: number;
  name: string;
  municipalityName: string;
  /** The response, if begun (where the reminder points). */
  responseId: number | null;
  /** Begun but not submitted (a returned scan counts as begun). */
  begun: boolean;
  /** The last day this recipient was reminded in the round, if ever. */
  remindedOn: string | null;
  /** Active accounts that would get the reminder: the team managers, or the gemeente's accounts. */
  accounts: number;
}

type Round = { id: number; name: string; closes_on: string };

/** The active teams (and for a region the gemeenten) in scope that have not submitted their part of the round. */
export async function missingScans(db: DB, round: { id: number }, scope: ReminderScope): Promise<MissingScan[]> {
  return (await missingWithAccounts(db, round, scope)).map(({ accountIds, ...missing }) => ({ ...missing, accounts: accountIds.length }));
}

type MissingWithAccounts = Omit<MissingScan, "accounts"> & { accountIds: number[] };

/** missingScans with the ids of the accounts each reaches (for sending; never shown on a page). */
async function missingWithAccounts(db: DB, round: { id: number }, scope: ReminderScope): Promise<MissingWithAccounts[]> {
  const inScope = <T extends { where: (...args: any[]) => T }>(query: T) =>
    "municipalityId" in scope ? query.where("municipality.id", "=", scope.municipalityId) : query.where("municipality.region_id", "=", scope.regionId);
  const [teamKey, municipalityKey] = await Promise.all([
    getRoundQuestionnaireKey(db, round.id, "team"),
    "regionId" in scope ? getRoundQuestionnaireKey(db, round.id, "municipality") : undefined,
  ]);
  const teams = teamKey
    ? await inScope(
        db
          .selectFrom("team")
          .innerJoin("municipality", "municipality.id", "team.municipality_id")
          .leftJoin("response", (join) =>
            join.onRef("response.team_id", "=", "team.id").on("response.round_id", "=", round.id).on("response.questionnaire_key", "=", teamKey),
          )
          .select(["team.id", "team.name", "municipality.name as municipality_name", "response.id as response_id", "response.status"])
          .where("team.active", "=", 1),
      ).execute()
    : [];
  const municipalities = municipalityKey
    ? await inScope(
        db
          .selectFrom("municipality")
          .leftJoin("response", (join) =>
            join
              .onRef("response.municipality_id", "=", "municipality.id")
              .on("response.round_id", "=", round.id)
              .on("response.questionnaire_key", "=", municipalityKey),
          )
          .select(["municipality.id", "municipality.name", "response.id as response_id", "response.status"]),
      ).execute()
    : [];
  const open = {
    teams: teams.filter((t) => t.status !== "submitted"),
    municipalities: municipalities.filter((m) => m.status !== "submitted"),
  };
  // Three queries for any number of teams and gemeenten: when each was last reminded, and whom a reminder reaches.
  const [reminded, managers, gemeenteUsers] = await Promise.all([
    db
      .selectFrom("zelfscan_reminder")
      .select(["recipient", (eb) => eb.fn.max("day").as("day")])
      .where("round_id", "=", round.id)
      .groupBy("recipient")
      .execute(),
    teamManagerAccounts(
      db,
      open.teams.map((t) => t.id),
    ),
    gemeenteAccountsOf(
      db,
      open.municipalities.map((m) => m.id),
    ),
  ]);
  const lastDay = new Map(reminded.map((r) => [r.recipient, r.day]));
  const list: MissingWithAccounts[] = [
    ...open.municipalities.map((m) => ({
      recipient: `gemeente:${m.id}`,
      kind: "gemeente" as const,
      id: m.id,
      name: `Gemeente ${m.name}`,
      municipalityName: m.name,
      responseId: m.response_id,
      begun: m.response_id !== null,
      remindedOn: lastDay.get(`gemeente:${m.id}`) ?? null,
      accountIds: gemeenteUsers.filter((a) => a.municipalityId === m.id).map((a) => a.id),
    })),
    ...open.teams.map((t) => ({
      recipient: `team:${t.id}`,
      kind: "team" as const,
      id: t.id,
      name: t.name,
      municipalityName: t.municipality_name,
      responseId: t.response_id,
      begun: t.response_id !== null,
      remindedOn: lastDay.get(`team:${t.id}`) ?? null,
      accountIds: managers.filter((a) => a.teamId === t.id).map((a) => a.id),
    })),
  ];
  return list.sort(
    (a, b) => compareDutch(a.municipalityName, b.municipalityName) || (a.kind === b.kind ? compareDutch(a.name, b.name) : a.kind === "gemeente" ? -1 : 1),
  );
}

export interface ReminderOutcome {
  /** Teams and gemeenten that got the reminder now. */
  told: number;
  /** Already reminded today: skipped. */
  alreadyToday: number;
  /** Without an active account to tell: skipped. */
  withoutAccount: number;
}

/** Who sends a reminder: a person (named in the text as their gemeente or regio), or nobody (the automatic one). */
export type ReminderSender = { userId: number; from: string } | null;

/**
 * Reminds everyone in scope who has not submitted the round's zelfscan, except who was reminded today
 * or has nobody to tell. Runs in the caller's transaction or its own.
 */
export async function remindMissingScans(
  db: DB,
  input: { round: Round; scope: ReminderScope; sender: ReminderSender; origin: string; now?: Date },
): Promise<ReminderOutcome> {
  const now = input.now ?? new Date();
  const today = dayOf(now);
  return inTransaction(db, async (trx) => {
    const outcome: ReminderOutcome = { told: 0, alreadyToday: 0, withoutAccount: 0 };
    for (const missing of await missingWithAccounts(trx, input.round, input.scope)) {
      if (missing.accountIds.length === 0) {
        outcome.withoutAccount++;
        continue;
      }
      // Claim today's reminder for this recipient; a reminder sent today (also one committing right now) wins.
      const claim = await trx
        .insertInto("zelfscan_reminder")
        .values({
          round_id: input.round.id,
          recipient: missing.recipient,
          team_id: missing.kind === "team" ? missing.id : null,
          municipality_id: missing.kind === "gemeente" ? missing.id : null,
          day: today,
          sent_at: now.toISOString(),
          sent_by: input.sender?.userId ?? null,
        })
        .onConflict((oc) => oc.columns(["round_id", "recipient", "day"]).doNothing())
        .executeTakeFirst();
      if (Number(claim.numInsertedOrUpdatedRows ?? 0) !== 1) {
        outcome.alreadyToday++;
        continue;
      }
      await notify(trx, { userIds: missing.accountIds, notice: reminderNotice(input.round, missing, input.sender, today), origin: input.origin, now });
      outcome.told++;
    }
    return outcome;
  });
}

function reminderNotice(round: Round, missing: MissingWithAccounts, sender: ReminderSender, today: string) {
  const what = missing.kind === "team" ? `de zelfscan van ${missing.name}` : "het gemeentelijke deel van de zelfscan";
  const state = missing.begun ? "is begonnen maar nog niet ingediend" : "is nog niet begonnen";
  const closes = `${round.name} sluit op ${formatDate(round.closes_on)}`;
  const days = daysBetween(today, round.closes_on);
  const text = sender
    ? `${sender.from} vraagt u ${what} in te vullen en in te dienen: die ${state}. ${closes}.`
    : `${closes}, over ${days === 1 ? "1 dag" : `${days} dagen`}. ${capitalise(what)} ${state}: vul hem in en dien hem in vóór die datum.`;
  const link = missing.responseId
    ? `/vragenlijsten/${missing.responseId}`
    : missing.kind === "team"
      ? `/teams/${missing.id}#zelfscan`
      : `/gemeenten/${missing.id}#gemeentedeel`;
  return { kind: "zelfscan.reminder", text, link, subject: `Herinnering: ${what} (${round.name})` };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Whole days from one YYYY-MM-DD to another. */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Records a person's reminder in the audit log: who, for which gemeente or regio, how many. */
export async function auditReminder(db: DB, input: { userId: number; roundId: number; scopeName: string; scope: ReminderScope; told: number; now?: Date }) {
  await audit(db, {
    actorId: input.userId,
    action: "zelfscan.reminded",
    entity: "round",
    entityId: input.roundId,
    changes: { ["municipalityId" in input.scope ? "gemeente" : "regio"]: [null, input.scopeName], reminded: [null, input.told] },
    at: input.now,
  });
}

/**
 * The automatic reminders that are due: for every open zelfscan round whose reminder day has come
 * (reminder_days before closes_on) and whose reminder has not gone, claim it and remind, in every region
 * working on that round, the teams and gemeenten that have not submitted. Claim and reminders commit
 * together, so a failure leaves the round unclaimed for the next try; two processes claim it once.
 */
export async function sendDueAutomaticReminders(db: DB, origin: string, now = new Date()): Promise<{ round: string; told: number }[]> {
  const today = dayOf(now);
  const rounds = await db
    .selectFrom("round")
    .select(["id", "name", "closes_on", "reminder_days"])
    .where("kind", "=", "zelfscan")
    .where("closed_at", "is", null)
    .where("auto_reminded_at", "is", null)
    .where("reminder_days", ">", 0)
    .where("opens_on", "<=", today)
    .where("closes_on", ">=", today)
    .execute();
  const due = rounds.filter((r) => daysBetween(today, r.closes_on) <= r.reminder_days);
  const sent: { round: string; told: number }[] = [];
  for (const round of due) {
    const told = await inTransaction(db, async (trx) => {
      const claim = await trx
        .updateTable("round")
        .set({ auto_reminded_at: now.toISOString() })
        .where("id", "=", round.id)
        .where("auto_reminded_at", "is", null)
        .executeTakeFirst();
      if (Number(claim.numUpdatedRows) !== 1) return null;
      const regions = (await cycleRoundsOfRegions(trx, now)).filter((r) => r.round?.id === round.id);
      let total = 0;
      for (const region of regions) {
        total += (await remindMissingScans(trx, { round, scope: { regionId: region.id }, sender: null, origin, now })).told;
      }
      await audit(trx, {
        actorId: null,
        actorLabel: "Automatische herinnering",
        action: "zelfscan.reminded",
        entity: "round",
        entityId: round.id,
        changes: { reminded: [null, total] },
        at: now,
      });
      return total;
    });
    if (told !== null) sent.push({ round: round.name, told });
  }
  return sent;
}

/** Changes how many days before a round closes its automatic reminder goes (0: none). */
export async function setReminderDays(db: DB, input: { roundId: number; days: number; userId: number }) {
  return inTransaction(db, async (trx) => {
    const round = await trx.selectFrom("round").select(["reminder_days"]).where("id", "=", input.roundId).where("kind", "=", "zelfscan").executeTakeFirst();
    if (!round) return false;
    if (round.reminder_days === input.days) return true;
    await trx.updateTable("round").set({ reminder_days: input.days }).where("id", "=", input.roundId).execute();
    await audit(trx, {
      actorId: input.userId,
      action: "round.reminder_changed",
      entity: "round",
      entityId: input.roundId,
      changes: { reminder_days: [round.reminder_days, input.days] },
    });
    return true;
  });
}
