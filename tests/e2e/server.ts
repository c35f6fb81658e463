import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startProductionServer, stopServer } from "../../scripts/start-command.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    /** The server's SQLite file: the browser tests read the outbox from it, as a mailbox. */
    databasePath: string;
  }
}

/**
 * Starts the production build the way `npm start` serves it (same node arguments), on 127.0.0.1, on a fresh demo database
 * in a temporary folder; stops it (and removes the folder) when the run ends.
 */
export default async function setup(project: TestProject) {
  if (!existsSync("build/node/server.js")) throw new Error("Run `npm run build` before the browser tests.");
  const dir = mkdtempSync(join(tmpdir(), "wav-e2e-"));
  const databasePath = join(dir, "e2e.db");
  const server = await startProductionServer({ DATABASE_URL: databasePath });
  project.provide("baseURL", `http://localhost:${server.port}`);
  project.provide("databasePath", databasePath);
  return async () => {
    await stopServer(server);
    rmSync(dir, { recursive: true, force: true });
  };
}
