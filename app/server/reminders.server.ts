import type { DB } from "../../db/client.ts";
import { sendDueAutomaticReminders } from "../models/zelfscan-reminders.server.ts";
import { repeat } from "./repeat.server.ts";

// The automatic zelfscan reminder (decision 88), run by the first process: soon after start and then every
// hour, so a round's reminder goes on its day even when the server restarts that day. Each round's reminder
// is claimed in the database, so several instances send it once. A failure is logged and tried next hour.

const HOUR_MS = 3_600_000;

export function startAutomaticReminders(db: DB, origin: string) {
  return repeat(
    () =>
      sendDueAutomaticReminders(db, origin).then(
        (sent) => {
          for (const { round, told } of sent) console.log(`Automatische herinnering voor ${round} verstuurd aan ${told} teams en gemeenten.`);
        },
        (error: unknown) => console.error("Automatische herinnering voor de zelfscan mislukt:", error instanceof Error ? error.message : error),
      ),
    { firstAfterMs: 10_000, everyMs: HOUR_MS },
  );
}
