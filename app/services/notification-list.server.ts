import type { DB } from "../../db/client.ts";
import type { ListedNotification } from "../domain/notifications.ts";
import { notificationsOf, responseStates } from "../models/notifications.server.ts";

// The notifications a start page lists: unread first, then the newest read ones. A notification whose
// matter is settled since (a submitted scan that was accepted or returned, a returned scan submitted again)
// says so and does not count as unread: nobody needs to act on it any more. Reading this never writes.

const SHOWN = 8;
const UNREAD_AT_MOST = 50;

const responseIdOf = (link: string) => Number(/^\/vragenlijsten\/(\d+)$/.exec(link)?.[1] ?? NaN);

function settledBy(kind: string, response: { status: string; accepted_at: string | null } | undefined): string | null {
  if (!response) return null;
  if (kind === "response.submitted") {
    if (response.accepted_at) return "Afgehandeld: de zelfscan is geaccepteerd.";
    if (response.status === "draft") return "Afgehandeld: de zelfscan is teruggestuurd.";
  }
  if ((kind === "response.returned" || kind === "response.reopened") && response.status === "submitted")
    return "Afgehandeld: de zelfscan is opnieuw ingediend.";
  if (kind === "zelfscan.reminder" && response.status === "submitted") return "Afgehandeld: de zelfscan is ingediend.";
  return null;
}

export async function notificationsFor(db: DB, userId: number): Promise<{ items: ListedNotification[]; unread: number }> {
  const unreadRows = await notificationsOf(db, userId, { read: false, limit: UNREAD_AT_MOST });
  const states = await responseStates(
    db,
    unreadRows.map((n) => responseIdOf(n.link)).filter((id) => Number.isInteger(id)),
  );
  const unread = unreadRows.map((n) => {
    const settled = settledBy(n.kind, states.get(responseIdOf(n.link)));
    return { id: n.id, text: n.text, link: n.link, created_at: n.created_at, state: settled ? ("settled" as const) : ("new" as const), settledBy: settled };
  });
  const open = unread.filter((n) => n.state === "new");
  const read =
    open.length < SHOWN
      ? (await notificationsOf(db, userId, { read: true, limit: SHOWN - open.length })).map((n) => ({
          id: n.id,
          text: n.text,
          link: n.link,
          created_at: n.created_at,
          state: "read" as const,
          settledBy: null,
        }))
      : [];
  const settled = unread.filter((n) => n.state === "settled");
  return { items: [...open, ...settled, ...read].slice(0, Math.max(SHOWN, open.length)), unread: open.length };
}
