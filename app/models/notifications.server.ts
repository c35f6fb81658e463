import type { DB } from "../../db/client.ts";
import { queueMail } from "./outbox.server.ts";

// Notifications ("Meldingen"): what happened that concerns a user, on their start page, and by mail
// through the outbox unless they switched mail off on /account. Written in the transaction of the write
// they tell of. A notification never holds answers: what happened, and where to look.

export interface Notice {
  kind: string;
  /** The sentence the user reads. */
  text: string;
  /** Where to look: a path in the product. */
  link: string;
  /** The mail's subject line. */
  subject: string;
}

/** Writes the notice for each user, and a mail for those who want mail (and are not disabled). */
export async function notify(trx: DB, input: { userIds: number[]; notice: Notice; origin: string; now?: Date }) {
  const userIds = [...new Set(input.userIds)];
  if (!userIds.length) return;
  const now = input.now ?? new Date();
  const at = now.toISOString();
  const { notice } = input;
  await trx
    .insertInto("notification")
    .values(userIds.map((user_id) => ({ user_id, kind: notice.kind, text: notice.text, link: notice.link, created_at: at })))
    .execute();
  const mailTo = await trx
    .selectFrom("user_account")
    .select(["email", "name"])
    .where("id", "in", userIds)
    .where("mail_notifications", "=", 1)
    .where("disabled_at", "is", null)
    .execute();
  for (const user of mailTo) {
    await queueMail(trx, {
      recipient: user.email,
      subject: notice.subject,
      body: [
        `Beste ${user.name},`,
        "",
        notice.text,
        "",
        `Bekijk het in Werken aan veiligheid: ${input.origin}${notice.link}`,
        "",
        `U krijgt deze e-mail omdat u meldingen per e-mail ontvangt. Uitzetten kan op ${input.origin}/account.`,
      ].join("\n"),
      at: now,
    });
  }
}

/** A user's notifications, unread or read, newest first. */
export async function notificationsOf(db: DB, userId: number, input: { read: boolean; limit: number }) {
  return db
    .selectFrom("notification")
    .select(["id", "kind", "text", "link", "created_at", "read_at"])
    .where("user_id", "=", userId)
    .where("read_at", input.read ? "is not" : "is", null)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .limit(input.limit)
    .execute();
}

/** The state of the responses notifications point at, to tell whether their matter is settled. */
export async function responseStates(db: DB, ids: number[]) {
  if (!ids.length) return new Map<number, { status: string; accepted_at: string | null }>();
  const rows = await db.selectFrom("response").select(["id", "status", "accepted_at"]).where("id", "in", ids).execute();
  return new Map(rows.map((r) => [r.id, r]));
}

/** Marks the user's own notification read and gives where it points; another user's id gives nothing. */
export async function openNotification(db: DB, userId: number, id: number, now = new Date()): Promise<string | null> {
  const row = await db.selectFrom("notification").select("link").where("id", "=", id).where("user_id", "=", userId).executeTakeFirst();
  if (!row) return null;
  await db.updateTable("notification").set({ read_at: now.toISOString() }).where("id", "=", id).where("read_at", "is", null).execute();
  return row.link;
}

/** Marks everything the user has read ("Alles gelezen"). */
export async function readAllNotifications(db: DB, userId: number, now = new Date()) {
  await db.updateTable("notification").set({ read_at: now.toISOString() }).where("user_id", "=", userId).where("read_at", "is", null).execute();
}

/** The active accounts of a municipality's gemeente. */
export async function gemeenteAccounts(db: DB, municipalityIds: number[]): Promise<number[]> {
  if (!municipalityIds.length) return [];
  const rows = await db
    .selectFrom("user_account")
    .select("id")
    .where("role", "=", "gemeente")
    .where("municipality_id", "in", municipalityIds)
    .where("disabled_at", "is", null)
    .execute();
  return rows.map((r) => r.id);
}

/** The active accounts of municipalities' gemeenten, with the municipality of each. */
export async function gemeenteAccountsOf(db: DB, municipalityIds: number[]): Promise<{ id: number; municipalityId: number }[]> {
  if (!municipalityIds.length) return [];
  const rows = await db
    .selectFrom("user_account")
    .select(["id", "municipality_id"])
    .where("role", "=", "gemeente")
    .where("municipality_id", "in", municipalityIds)
    .where("disabled_at", "is", null)
    .execute();
  return rows.map((r) => ({ id: r.id, municipalityId: r.municipality_id! }));
}

/** The active team manager accounts of teams. */
export async function teamManagerAccounts(db: DB, teamIds: number[]): Promise<{ id: number; teamId: number }[]> {
  if (!teamIds.length) return [];
  const rows = await db
    .selectFrom("user_account")
    .select(["id", "team_id"])
    .where("role", "=", "teammanager")
    .where("team_id", "in", teamIds)
    .where("disabled_at", "is", null)
    .execute();
  return rows.map((r) => ({ id: r.id, teamId: r.team_id! }));
}

export async function setMailNotifications(db: DB, userId: number, on: boolean) {
  await db
    .updateTable("user_account")
    .set({ mail_notifications: on ? 1 : 0 })
    .where("id", "=", userId)
    .execute();
}
