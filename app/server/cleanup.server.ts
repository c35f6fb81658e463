import type { DB } from "../../db/client.ts";
import { cleanUp, type RetentionPeriods } from "../models/retention.server.ts";
import { repeat } from "./repeat.server.ts";

// The retention cleanup, run by the first process: soon after start and then every day. A failure is
// logged and tried again the next day; it never stops the server.

const DAY_MS = 86_400_000;

export function startDailyCleanup(db: DB, periods: RetentionPeriods) {
  return repeat(
    () =>
      cleanUp(db, periods).then(
        (removed) => {
          const total = Object.values(removed).reduce((n, v) => n + v, 0);
          if (total) console.log(`Opgeruimd volgens de bewaartermijnen: ${JSON.stringify(removed)}`);
        },
        (error: unknown) => console.error("Opruimen volgens de bewaartermijnen mislukt:", error instanceof Error ? error.message : error),
      ),
    { firstAfterMs: 5_000, everyMs: DAY_MS },
  );
}
