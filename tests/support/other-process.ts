import { appendFileSync } from "node:fs";
import { createInterface } from "node:readline";
import { openDatabase } from "../../db/client.ts";
import { saveAnswers, submitResponse } from "../../app/models/response.server.ts";
import { claimAttempt, loginRules } from "../../app/models/login-throttle.server.ts";
import { deliverOutbox } from "../../app/server/mail.server.ts";

/**
 * A second process on the same SQLite file, for the tests that two processes must not get wrong.
 * `node --import tsx tests/support/other-process.ts FILE TASK JSON`: opens its own connection, says
 * "ready", waits for "go" on stdin (so the test starts every process's work at the same moment),
 * does the task and prints its result as JSON.
 */
const [file, task, json] = process.argv.slice(2) as [string, string, string];
const args = JSON.parse(json) as Record<string, unknown>;
const db = openDatabase(file);

const tasks: Record<string, () => Promise<unknown>> = {
  // One save with the revision the page was loaded at.
  save: () =>
    saveAnswers(db, {
      responseId: args.responseId as number,
      expectedRevision: args.revision as number,
      answers: { A1: { value: "voldoet", comment: `uit proces ${process.pid}` } },
      userId: args.userId as number,
    }),
  // Submit a filled-in response.
  submit: () => submitResponse(db, { responseId: args.responseId as number, expectedRevision: args.revision as number, userId: args.userId as number }),
  // Wrong-password attempts: how many the throttle let through.
  logins: async () => {
    let allowed = 0;
    for (let i = 0; i < (args.attempts as number); i++) if ((await claimAttempt(db, loginRules(args.email as string, "192.0.2.1"))).ok) allowed++;
    return { allowed };
  },
  // Send the outbox; every message sent is one line in the log file.
  deliver: () =>
    deliverOutbox(
      db,
      {
        sendMail: async (mail: { to?: unknown }) => {
          appendFileSync(args.log as string, `${String(mail.to)}\n`);
          return {} as never;
        },
      },
      "test@localhost",
    ),
};

const lines = createInterface({ input: process.stdin });
console.log("ready");
for await (const line of lines) {
  if (line.trim() !== "go") continue;
  const result = await tasks[task]!();
  console.log(JSON.stringify(result));
  break;
}
await db.destroy();
