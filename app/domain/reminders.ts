import { plural } from "./format.ts";

// How a sent zelfscan reminder is reported back on the start page: the counts travel in the address of
// the redirect after sending (anything else there is ignored), and read as a sentence.

export interface ReminderCounts {
  told: number;
  alreadyToday: number;
  withoutAccount: number;
}

/** "3 teams en 1 gemeente", "1 team", "2 gemeenten", "niemand". */
export function teamsAndMunicipalities(teams: number, municipalities: number): string {
  const parts = [teams ? plural(teams, "team", "teams") : "", municipalities ? plural(municipalities, "gemeente", "gemeenten") : ""].filter(Boolean);
  return parts.length ? parts.join(" en ") : "niemand";
}

export const reminderQuery = (c: ReminderCounts) => `herinnerd=${c.told}&al-herinnerd=${c.alreadyToday}&zonder-account=${c.withoutAccount}`;

export function readReminderQuery(params: URLSearchParams): ReminderCounts | null {
  const count = (name: string) => (/^\d{1,6}$/.test(params.get(name) ?? "") ? Number(params.get(name)) : null);
  const told = count("herinnerd");
  if (told === null) return null;
  return { told, alreadyToday: count("al-herinnerd") ?? 0, withoutAccount: count("zonder-account") ?? 0 };
}

/** The sentence after sending: how many got a reminder, and who did not and why. */
export function reminderSentText(c: ReminderCounts): string {
  const told =
    c.told === 0 ? "Er is geen herinnering verstuurd." : `Herinnering verstuurd aan ${c.told === 1 ? "1 team of gemeente" : `${c.told} teams en gemeenten`}.`;
  const skipped = [
    c.alreadyToday ? `${c.alreadyToday} ${c.alreadyToday === 1 ? "had" : "hadden"} vandaag al een herinnering` : "",
    c.withoutAccount ? `${c.withoutAccount} ${c.withoutAccount === 1 ? "heeft" : "hebben"} geen actief account om te waarschuwen` : "",
  ].filter(Boolean);
  return skipped.length ? `${told} Niet herinnerd: ${skipped.join("; ")}.` : told;
}
