import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { DB } from "../../db/client.ts";
import { inTransaction } from "../../db/transaction.ts";
import { PROFESSIONALS_MIN } from "../domain/conversation.ts";
import { dayOf } from "../domain/format.ts";
import type { AnswerMap } from "../questionnaire/answers.ts";
import { audit } from "./audit.server.ts";
import { cycleRoundId } from "./cycles.server.ts";
import { queueMail } from "./outbox.server.ts";

// The view of a team's professionals (decision 79): the team manager invites them by address; each gets a
// single-use link. Anonymity is built into the tables: an invitation keeps its address (until the round or
// the request closes), the SHA-256 of its token and whether it was used; a draft is found by another hash of
// the same token, which only the link's holder can make; a submitted view has a random id, the team's
// request and the day, nothing more. No audit row names a professional or an address.

/** At most this many invitations per team and round. */
export const MAX_INVITATIONS = 300;

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");
const invitationHash = (token: string) => sha256(token);
const draftHash = (token: string) => sha256(`draft:${token}`);
/** A link's token: 256 random bits, base64url. */
const isToken = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export interface ViewRequest {
  id: number;
  team_id: number;
  round_id: number;
  closed_at: string | null;
  reminded_on: string | null;
  invited: number;
  responded: number;
}

/** The team's request in the round, with how many were invited and how many responded (a count, never who). */
export async function viewRequestOf(db: DB, teamId: number, roundId: number): Promise<ViewRequest | null> {
  const row = await db
    .selectFrom("view_request as r")
    .select((eb) => [
      "r.id",
      "r.team_id",
      "r.round_id",
      "r.closed_at",
      "r.reminded_on",
      eb
        .selectFrom("view_invitation as i")
        .select((s) => s.fn.countAll<number>().as("n"))
        .whereRef("i.request_id", "=", "r.id")
        .as("invited"),
      eb
        .selectFrom("view_response as v")
        .select((s) => s.fn.countAll<number>().as("n"))
        .whereRef("v.request_id", "=", "r.id")
        .as("responded"),
    ])
    .where("r.team_id", "=", teamId)
    .where("r.round_id", "=", roundId)
    .executeTakeFirst();
  return row ? { ...row, invited: Number(row.invited ?? 0), responded: Number(row.responded ?? 0) } : null;
}

function invitationMail(input: { teamName: string; roundName: string; managerName: string; link: string; lasts: string }) {
  return {
    subject: `Uw kijk op de zelfscan van ${input.teamName}`,
    body: [
      "Beste collega,",
      "",
      `${input.managerName} vult met het team de zelfscan van het Kwaliteitskader Werken aan veiligheid in (${input.roundName}) en vraagt ook uw kijk:`,
      "hoe ziet u het werk van het team op de thema's van het kwaliteitskader?",
      "",
      "Uw antwoorden zijn anoniem. Niemand ziet wat u invult: het team ziet alleen hoe vaak elk antwoord is gegeven, en pas als ten minste drie collega's",
      "hebben gereageerd. Uw adres wordt niet bij uw antwoorden bewaard en wordt verwijderd als de ronde sluit.",
      "",
      "Uw persoonlijke link (niet doorsturen; hij werkt één keer, tot u indient):",
      "",
      input.link,
      "",
      `U kunt tussendoor stoppen en later met dezelfde link verder, ${input.lasts}. Een account is niet nodig.`,
    ].join("\n"),
  };
}

/**
 * Invites addresses for this request: a new single-use link for each, mailed through the outbox. An
 * address invited before whose link is unused gets a new link (the old one stops working: for someone who
 * lost the mail); one whose link was used is left alone, and the answer does not say which was which
 * (how many addresses were invited before, never who responded). Returns the links (for the manager to
 * pass on when mail is not sent); past MAX_INVITATIONS nothing is added.
 */
export async function inviteProfessionals(
  db: DB,
  input: {
    teamId: number;
    roundId: number;
    emails: string[];
    userId: number;
    origin: string;
    mail: { teamName: string; roundName: string; managerName: string; lasts: string };
    now?: Date;
  },
): Promise<{ ok: true; links: { email: string; link: string }[]; fresh: number; invitedBefore: number } | { ok: false; message: string }> {
  const now = input.now ?? new Date();
  return inTransaction(db, async (trx) => {
    let request = await trx
      .selectFrom("view_request")
      .select(["id", "closed_at"])
      .where("team_id", "=", input.teamId)
      .where("round_id", "=", input.roundId)
      .executeTakeFirst();
    if (request?.closed_at) return { ok: false as const, message: "De vraag aan de professionals is gesloten; er kunnen geen collega's meer bij." };
    if (!request) {
      request = await trx
        .insertInto("view_request")
        .values({ team_id: input.teamId, round_id: input.roundId, opened_by: input.userId, opened_at: now.toISOString(), closed_at: null, reminded_on: null })
        .returning(["id", "closed_at"])
        .executeTakeFirstOrThrow();
    }
    const existing = await trx.selectFrom("view_invitation").select(["id", "email", "used"]).where("request_id", "=", request.id).execute();
    const known = new Map(existing.map((e) => [e.email, e]));
    const asked = [...new Set(input.emails)];
    const fresh = asked.filter((e) => !known.has(e));
    const renewed = asked.flatMap((e) => {
      const invitation = known.get(e);
      return invitation && invitation.used === 0 && invitation.email ? [{ id: invitation.id, email: invitation.email }] : [];
    });
    if (existing.length + fresh.length > MAX_INVITATIONS) {
      return {
        ok: false as const,
        message: `Per team en ronde kunnen ten hoogste ${MAX_INVITATIONS} collega's worden uitgenodigd; er staan er al ${existing.length}.`,
      };
    }
    const links: { email: string; link: string }[] = [];
    for (const email of fresh) {
      const token = randomBytes(32).toString("base64url");
      await trx
        .insertInto("view_invitation")
        .values({ request_id: request.id, email, token_hash: invitationHash(token), used: 0, invited_on: dayOf(now), reminded_on: null })
        .execute();
      const link = `${input.origin}/bijdrage/${token}`;
      const mail = invitationMail({ ...input.mail, link });
      await queueMail(trx, { recipient: email, subject: mail.subject, body: mail.body, at: now });
      links.push({ email, link });
    }
    for (const invitation of renewed) {
      const token = randomBytes(32).toString("base64url");
      await trx
        .updateTable("view_invitation")
        .set({ token_hash: invitationHash(token) })
        .where("id", "=", invitation.id)
        .where("used", "=", 0)
        .execute();
      const link = `${input.origin}/bijdrage/${token}`;
      const mail = invitationMail({ ...input.mail, link });
      await queueMail(trx, {
        recipient: invitation.email,
        subject: mail.subject,
        body: `${mail.body}\n\nDit is een nieuwe link; een eerdere link werkt niet meer.`,
        at: now,
      });
      links.push({ email: invitation.email, link });
    }
    if (asked.length) {
      // How many, never who, and not whose link was renewed (that would say who has not responded).
      await audit(trx, {
        actorId: input.userId,
        action: "views.invited",
        entity: "team",
        entityId: input.teamId,
        changes: {
          invited: [existing.length, existing.length + fresh.length],
          ...(fresh.length < asked.length ? { invitedAgain: [null, asked.length - fresh.length] } : {}),
        },
        at: now,
      });
    }
    return { ok: true as const, links, fresh: fresh.length, invitedBefore: asked.length - fresh.length };
  });
}

/** A reminder (without a link: only the first mail carries it) to those who have not responded; once a day. */
export async function remindProfessionals(
  db: DB,
  input: { requestId: number; teamId: number; userId: number; mail: { teamName: string; managerName: string; lasts: string }; now?: Date },
): Promise<{ ok: true; reminded: number } | { ok: false; message: string }> {
  const now = input.now ?? new Date();
  const today = dayOf(now);
  return inTransaction(db, async (trx) => {
    const claimed = await trx
      .updateTable("view_request")
      .set({ reminded_on: today })
      .where("id", "=", input.requestId)
      .where("closed_at", "is", null)
      .where((eb) => eb.or([eb("reminded_on", "is", null), eb("reminded_on", "<", today)]))
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) return { ok: false as const, message: "Vandaag is er al een herinnering verstuurd; morgen kan het weer." };
    const open = await trx.selectFrom("view_invitation").select(["id", "email"]).where("request_id", "=", input.requestId).where("used", "=", 0).execute();
    for (const invitation of open) {
      if (!invitation.email) continue;
      await queueMail(trx, {
        recipient: invitation.email,
        subject: `Herinnering: uw kijk op de zelfscan van ${input.mail.teamName}`,
        body: [
          "Beste collega,",
          "",
          `${input.mail.managerName} vroeg eerder uw kijk op de zelfscan van ${input.mail.teamName}. Uw bijdrage is nog niet ingediend.`,
          `Gebruik de persoonlijke link uit de eerste e-mail ("Uw kijk op de zelfscan van ${input.mail.teamName}"); hij werkt ${input.mail.lasts}.`,
          "Kunt u die e-mail niet vinden? Vraag uw teammanager u opnieuw uit te nodigen: u krijgt dan een nieuwe link.",
        ].join("\n"),
        at: now,
      });
      await trx.updateTable("view_invitation").set({ reminded_on: today }).where("id", "=", invitation.id).execute();
    }
    await audit(trx, {
      actorId: input.userId,
      action: "views.reminded",
      entity: "team",
      entityId: input.teamId,
      changes: { reminded: [null, open.length] },
      at: now,
    });
    return { ok: true as const, reminded: open.length };
  });
}

/** Closes the request: the links stop working, the addresses and unfinished drafts are removed. */
export async function closeViewRequest(db: DB, input: { requestId: number; teamId: number; userId: number; now?: Date }) {
  const now = input.now ?? new Date();
  await inTransaction(db, async (trx) => {
    await trx.updateTable("view_request").set({ closed_at: now.toISOString() }).where("id", "=", input.requestId).where("closed_at", "is", null).execute();
    await trx.updateTable("view_invitation").set({ email: null }).where("request_id", "=", input.requestId).execute();
    await trx.deleteFrom("view_draft").where("request_id", "=", input.requestId).execute();
    await audit(trx, { actorId: input.userId, action: "views.closed", entity: "team", entityId: input.teamId, at: now });
  });
}

export type LinkState =
  { state: "open"; requestId: number; roundId: number; teamName: string; roundName: string; closesOn: string } | { state: "used" | "closed" | "unknown" };

/**
 * Whether a request's round is still open for it: until the round's closing day, or for as long as the
 * team's region still works on that round (a region whose cycle runs late works on past its closing day,
 * and its team still fills in its zelfscan then).
 */
async function roundStillOpen(db: DB, input: { roundId: number; closesOn: string; roundClosedAt: string | null; regionId: number }, now: Date) {
  if (input.roundClosedAt) return false;
  if (input.closesOn >= dayOf(now)) return true;
  return (await cycleRoundId(db, input.regionId, now)) === input.roundId;
}

/**
 * What a professional's link opens: their form while the request and the round are open and the link
 * unused. A wrong link says "unknown", without telling whether a team or request exists.
 */
export async function linkState(db: DB, token: string, now = new Date()): Promise<LinkState> {
  if (!isToken(token)) return { state: "unknown" };
  const row = await db
    .selectFrom("view_invitation as i")
    .innerJoin("view_request as r", "r.id", "i.request_id")
    .innerJoin("round", "round.id", "r.round_id")
    .innerJoin("team", "team.id", "r.team_id")
    .innerJoin("municipality", "municipality.id", "team.municipality_id")
    .select([
      "municipality.region_id",
      "i.used",
      "r.id as request_id",
      "r.round_id",
      "r.closed_at",
      "round.closes_on",
      "round.closed_at as round_closed_at",
      "round.name as round_name",
      "team.name as team_name",
    ])
    .where("i.token_hash", "=", invitationHash(token))
    .executeTakeFirst();
  if (!row) return { state: "unknown" };
  if (row.used) return { state: "used" };
  const open = await roundStillOpen(db, { roundId: row.round_id, closesOn: row.closes_on, roundClosedAt: row.round_closed_at, regionId: row.region_id }, now);
  if (row.closed_at || !open) return { state: "closed" };
  return { state: "open", requestId: row.request_id, roundId: row.round_id, teamName: row.team_name, roundName: row.round_name, closesOn: row.closes_on };
}

/** The professional's draft (their answers so far and its revision), by the link's own second hash. */
export async function draftOf(db: DB, token: string): Promise<{ answers: AnswerMap; revision: number }> {
  const row = await db.selectFrom("view_draft").select(["answers", "revision"]).where("key_hash", "=", draftHash(token)).executeTakeFirst();
  return row ? { answers: JSON.parse(row.answers) as AnswerMap, revision: row.revision } : { answers: {}, revision: 0 };
}

/**
 * Saves a section's answers into the draft, refusing a save based on an older revision (two tabs).
 * Returns the new revision, or null when it was stale.
 */
export async function saveDraft(
  db: DB,
  input: { token: string; requestId: number; expectedRevision: number; answers: AnswerMap; now?: Date },
): Promise<{ revision: number } | null> {
  const key = draftHash(input.token);
  const today = dayOf(input.now ?? new Date());
  return inTransaction(db, async (trx) => {
    const current = await trx.selectFrom("view_draft").select(["answers", "revision"]).where("key_hash", "=", key).executeTakeFirst();
    if ((current?.revision ?? 0) !== input.expectedRevision) return null;
    const merged = { ...(current ? (JSON.parse(current.answers) as AnswerMap) : {}), ...input.answers };
    for (const [itemKey, answer] of Object.entries(merged)) if (answer.value === null && answer.comment === null) delete merged[itemKey];
    const revision = input.expectedRevision + 1;
    if (current) {
      await trx
        .updateTable("view_draft")
        .set({ answers: JSON.stringify(merged), revision, updated_on: today })
        .where("key_hash", "=", key)
        .execute();
    } else {
      await trx
        .insertInto("view_draft")
        .values({ key_hash: key, request_id: input.requestId, answers: JSON.stringify(merged), revision, updated_on: today })
        .execute();
    }
    return { revision };
  });
}

/**
 * Submits the view once: the link is marked used by a conditional update (of two submits at once, one
 * changes the row), the draft becomes a view with a random id and the day, and the draft is deleted.
 */
export async function submitView(db: DB, input: { token: string; now?: Date }): Promise<boolean> {
  const today = dayOf(input.now ?? new Date());
  return inTransaction(db, async (trx) => {
    const spent = await trx
      .updateTable("view_invitation")
      .set({ used: 1 })
      .where("token_hash", "=", invitationHash(input.token))
      .where("used", "=", 0)
      .returning("request_id")
      .executeTakeFirst();
    if (!spent) return false;
    const draft = await trx.selectFrom("view_draft").select("answers").where("key_hash", "=", draftHash(input.token)).executeTakeFirst();
    const answers = draft ? (JSON.parse(draft.answers) as AnswerMap) : {};
    const id = randomUUID();
    await trx.insertInto("view_response").values({ id, request_id: spent.request_id, submitted_on: today }).execute();
    const rows = Object.entries(answers).map(([item_key, a]) => ({ response_id: id, item_key, value: a.value, comment: a.comment }));
    if (rows.length) await trx.insertInto("view_answer").values(rows).execute();
    await trx.deleteFrom("view_draft").where("key_hash", "=", draftHash(input.token)).execute();
    return true;
  });
}

/**
 * The submitted views of a team's request: how many, and their answers only from PROFESSIONALS_MIN on
 * (below it, nothing of them leaves the database). In a random order: the views have random ids.
 */
export async function viewsOfRequest(db: DB, requestId: number): Promise<{ responses: number; views: AnswerMap[] | null }> {
  const rows = await db
    .selectFrom("view_response as v")
    .leftJoin("view_answer as a", "a.response_id", "v.id")
    .select(["v.id", "a.item_key", "a.value", "a.comment"])
    .where("v.request_id", "=", requestId)
    .orderBy("v.id")
    .execute();
  const byView = new Map<string, AnswerMap>();
  for (const row of rows) {
    const view = byView.get(row.id) ?? {};
    if (row.item_key) view[row.item_key] = { value: row.value, comment: row.comment };
    byView.set(row.id, view);
  }
  return { responses: byView.size, views: byView.size >= PROFESSIONALS_MIN ? [...byView.values()] : null };
}

/** Teams of the round whose professionals' view is shown (at least PROFESSIONALS_MIN submitted), as a subquery. */
const teamsWithViews = (db: DB, roundId: number) =>
  db
    .selectFrom("view_request as r")
    .innerJoin("view_response as v", "v.request_id", "r.id")
    .select("r.team_id")
    .where("r.round_id", "=", roundId)
    .groupBy("r.team_id")
    .having((eb) => eb.fn.countAll(), ">=", PROFESSIONALS_MIN);

/** Per region, how many of its teams have their professionals' view shown in the round (the dashboard's count). */
export async function teamsWithViewsPerRegion(db: DB, roundId: number): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom("team")
    .innerJoin("municipality", "municipality.id", "team.municipality_id")
    .select(["municipality.region_id", (eb) => eb.fn.countAll<number>().as("n")])
    .where("team.id", "in", teamsWithViews(db, roundId))
    .groupBy("municipality.region_id")
    .execute();
  return new Map(rows.map((r) => [r.region_id, Number(r.n)]));
}

/** How many views each team of the round has (teams without a request are absent), for pages that say "3 van 5". */
export async function viewCountsOfRound(db: DB, roundId: number, teamIds?: number[]): Promise<Map<number, { invited: number; responded: number }>> {
  if (teamIds && teamIds.length === 0) return new Map();
  let query = db
    .selectFrom("view_request as r")
    .select((eb) => [
      "r.team_id",
      eb
        .selectFrom("view_invitation as i")
        .select((s) => s.fn.countAll<number>().as("n"))
        .whereRef("i.request_id", "=", "r.id")
        .as("invited"),
      eb
        .selectFrom("view_response as v")
        .select((s) => s.fn.countAll<number>().as("n"))
        .whereRef("v.request_id", "=", "r.id")
        .as("responded"),
    ])
    .where("r.round_id", "=", roundId);
  if (teamIds) query = query.where("r.team_id", "in", teamIds);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.team_id, { invited: Number(r.invited ?? 0), responded: Number(r.responded ?? 0) }]));
}

/**
 * How often each answer was given per team and item, only for teams with at least PROFESSIONALS_MIN views
 * (the rule is in the query: a team below it contributes nothing, so no total can be taken apart into it).
 */
export async function viewValueCounts(db: DB, input: { roundId: number; teamIds?: number[] }) {
  if (input.teamIds && input.teamIds.length === 0) return [];
  let query = db
    .selectFrom("view_answer as a")
    .innerJoin("view_response as v", "v.id", "a.response_id")
    .innerJoin("view_request as r", "r.id", "v.request_id")
    .select((eb) => ["r.team_id", "a.item_key", "a.value", eb.fn.countAll<number>().as("n")])
    .where("r.round_id", "=", input.roundId)
    .where("a.value", "is not", null)
    .where("r.team_id", "in", teamsWithViews(db, input.roundId))
    .groupBy(["r.team_id", "a.item_key", "a.value"]);
  if (input.teamIds) query = query.where("r.team_id", "in", input.teamIds);
  const rows = await query.execute();
  return rows.map((r) => ({ team_id: r.team_id, item_key: r.item_key, value: r.value!, n: Number(r.n) }));
}

/** What the team's conversation settled, per theme. */
export async function conclusionsOf(db: DB, requestId: number): Promise<Record<string, string>> {
  const rows = await db.selectFrom("view_conclusion").select(["theme_key", "text"]).where("request_id", "=", requestId).execute();
  return Object.fromEntries(rows.map((r) => [r.theme_key, r.text]));
}

/** Replaces the conclusions of the team's conversation (an empty line removes its theme's). */
export async function saveConclusions(db: DB, input: { requestId: number; teamId: number; lines: Record<string, string>; userId: number; now?: Date }) {
  const now = (input.now ?? new Date()).toISOString();
  await inTransaction(db, async (trx) => {
    const before = await conclusionsOf(trx, input.requestId);
    for (const [theme, text] of Object.entries(input.lines)) {
      await trx.deleteFrom("view_conclusion").where("request_id", "=", input.requestId).where("theme_key", "=", theme).execute();
      if (text) {
        await trx
          .insertInto("view_conclusion")
          .values({ request_id: input.requestId, theme_key: theme, text, updated_at: now, updated_by: input.userId })
          .execute();
      }
    }
    const changes = Object.fromEntries(
      Object.entries(input.lines)
        .filter(([theme, text]) => (before[theme] ?? "") !== text)
        .map(([theme, text]) => [`conclusion_${theme}`, [before[theme] ?? null, text || null] as [unknown, unknown]]),
    );
    if (Object.keys(changes).length) await audit(trx, { actorId: input.userId, action: "views.concluded", entity: "team", entityId: input.teamId, changes });
  });
}

/**
 * For the retention cleanup: the addresses of requests that are closed, or whose round is over for the
 * team (see roundStillOpen), and their unfinished drafts, are removed; the links stop working then anyway.
 */
export async function removeClosedRoundAddresses(db: DB, now = new Date()): Promise<number> {
  const candidates = await db
    .selectFrom("view_request as r")
    .innerJoin("round", "round.id", "r.round_id")
    .innerJoin("team", "team.id", "r.team_id")
    .innerJoin("municipality", "municipality.id", "team.municipality_id")
    .select(["r.id", "r.round_id", "r.closed_at", "round.closes_on", "round.closed_at as round_closed_at", "municipality.region_id"])
    .where((eb) => eb.exists(eb.selectFrom("view_invitation as i").select("i.id").whereRef("i.request_id", "=", "r.id").where("i.email", "is not", null)))
    .execute();
  let removed = 0;
  for (const request of candidates) {
    const open = await roundStillOpen(
      db,
      { roundId: request.round_id, closesOn: request.closes_on, roundClosedAt: request.round_closed_at, regionId: request.region_id },
      now,
    );
    if (!request.closed_at && open) continue;
    const emails = await db
      .updateTable("view_invitation")
      .set({ email: null })
      .where("request_id", "=", request.id)
      .where("email", "is not", null)
      .executeTakeFirst();
    await db.deleteFrom("view_draft").where("request_id", "=", request.id).execute();
    removed += Number(emails.numUpdatedRows);
  }
  return removed;
}
