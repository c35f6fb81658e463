import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { startProductionServer, stopServer } from "../../scripts/start-command.ts";
import { startSmtpSink } from "../support/smtp-sink.ts";

declare module "vitest" {
  export interface ProvidedContext {
    baseURL: string;
    /** The server's SQLite file: the browser tests read the outbox from it (what the product recorded, held demo mail too). */
    databasePath: string;
    /** Where the SMTP sink the server mails to keeps what it received (what actually left the server). */
    mailDir: string;
  }
}

/**
 * Starts the production build the way `npm start` serves it (same node arguments), on 127.0.0.1, on a fresh demo database
 * in a temporary folder, mailing to an SMTP sink of its own; stops both (and removes the folder) when the run ends.
 */
export default async function setup(project: TestProject) {
  if (!existsSync("build/node/server.js")) throw new Error("Run `npm run build` before the browser tests.");
  const dir = mkdtempSync(join(tmpdir(), "wav-e2e-"));
  const databasePath = join(dir, "e2e.db");
  const mailDir = join(dir, "mail");
  mkdirSync(mailDir);
  const sink = await startSmtpSink({ dir: mailDir });
  const server = await startProductionServer({ DATABASE_URL: databasePath, SMTP_URL: sink.url, MAIL_FROM: "Werken aan veiligheid <noreply@zelfscan.test>" });
  project.provide("baseURL", `http://localhost:${server.port}`);
  project.provide("databasePath", databasePath);
  project.provide("mailDir", mailDir);
  return async () => {
    await stopServer(server);
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  };
}
