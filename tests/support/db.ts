import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { createDatabase, type DB } from "../../db/client.ts";
import type { AppConfig } from "../../app/server/context.ts";
import { TEMPLATE_DEMO, TEMPLATE_DIR, TEMPLATE_EMPTY } from "./paths.ts";

export interface TestContext extends AppLoadContext {
  db: DB;
  config: AppConfig;
  /** The database file, for a second connection (another process) or a check from outside. */
  file: string;
  close: () => Promise<void>;
}

/** A private copy of a template database, opened the way the server opens it. */
export function openTestDatabase(template: "empty" | "demo" = "empty"): TestContext {
  const file = join(TEMPLATE_DIR, `test-${randomUUID()}.db`);
  copyFileSync(template === "demo" ? TEMPLATE_DEMO : TEMPLATE_EMPTY, file);
  const db = createDatabase(file);
  return {
    db,
    file,
    config: { sessionIdleMinutes: 60, sessionAbsoluteHours: 12, secureCookies: false, publicOrigin: "http://localhost:3000" },
    close: async () => {
      await db.destroy();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    },
  };
}
