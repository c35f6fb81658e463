import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DB } from "../../db/client.ts";
import { getDefinition } from "../../app/models/response.server.ts";
import { regionThemeFigures } from "../../app/models/results.server.ts";
import { roundVersionId } from "../../app/models/rounds.server.ts";
import { insertResponse, TEAM_QUESTIONNAIRE } from "../../seeds/factories.ts";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { buildWorld, validAnswers, type World } from "../support/fixtures.ts";

// Several worker processes share one database (npm start, one per core, on a SQLite file; several
// instances on one PostgreSQL). What they must not get
// wrong, each tried with real processes started at the same moment: a save, the login throttle, the
// outbox, and a cached figure after another process's write.

const dir = mkdtempSync(join(tmpdir(), "wav-processes-"));
let context: TestContext;
let file: string;
let db: DB;
let world: World;

beforeAll(async () => {
  context = openTestDatabase();
  ({ db, file } = context);
  world = await buildWorld(db);
});
afterAll(async () => {
  await context?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  ready: Promise<void>;
  result: Promise<unknown>;
}

function startProcess(task: string, args: Record<string, unknown>): Running {
  const child = spawn(process.execPath, ["--import", "tsx", "tests/support/other-process.ts", file, task, JSON.stringify(args)], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! });
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const result = new Promise<unknown>((resolve, reject) => {
    lines.on("line", (line) => (line === "ready" ? markReady() : resolve(JSON.parse(line))));
    child.once("exit", (code) => (code ? reject(new Error(`${task} exited with ${code}`)) : undefined));
  });
  return { child, ready, result };
}

/** Starts the processes, waits until each has its connection open, then lets them go at once. */
async function together(...processes: Running[]) {
  await Promise.all(processes.map((p) => p.ready));
  for (const p of processes) p.child.stdin!.write("go\n");
  return Promise.all(processes.map((p) => p.result));
}

describe("two processes on one database", () => {
  it("saving one response from both with the same revision: exactly one wins, the other is told it is stale", { timeout: 30_000 }, async () => {
    const responseId = await insertResponse(db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamA },
      userId: world.users.teamA,
    });
    for (let attempt = 0; attempt < 3; attempt++) {
      const { revision } = await db.selectFrom("response").select("revision").where("id", "=", responseId).executeTakeFirstOrThrow();
      const args = { responseId, revision, userId: world.users.teamA };
      const results = (await together(startProcess("save", args), startProcess("save", args))) as { ok: boolean; reason?: string }[];
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.find((r) => !r.ok)).toMatchObject({ reason: "stale" });
      const after = await db.selectFrom("response").select("revision").where("id", "=", responseId).executeTakeFirstOrThrow();
      expect(after.revision).toBe(revision + 1);
    }
  });

  it("the login throttle counts the attempts of both: together they get the free failures of one account, no more", { timeout: 30_000 }, async () => {
    const args = { email: "team.b@test.nl", attempts: 8 };
    const results = (await together(startProcess("logins", args), startProcess("logins", args))) as { allowed: number }[];
    // Five free failures, and the sixth is counted before the block: six in all, however they interleave.
    expect(results[0]!.allowed + results[1]!.allowed).toBe(6);
  });

  it("sends each outbox message once when both send at the same time", { timeout: 30_000 }, async () => {
    const created = new Date().toISOString();
    await db
      .insertInto("outbox")
      .values(
        Array.from({ length: 40 }, (_, i) => ({
          recipient: `ontvanger${i}@test.nl`,
          subject: "Test",
          body: "Test",
          created_at: created,
          sent_at: null,
          error: null,
        })),
      )
      .execute();
    const log = join(dir, "sent.log");
    writeFileSync(log, "");
    const results = (await together(startProcess("deliver", { log }), startProcess("deliver", { log }))) as { sent: number }[];
    const sent = readFileSync(log, "utf8").trim().split("\n");
    expect(sent).toHaveLength(40);
    expect(new Set(sent).size).toBe(40);
    expect(results[0]!.sent + results[1]!.sent).toBe(40);
    expect(await db.selectFrom("outbox").select("id").where("sent_at", "is", null).execute()).toEqual([]);
  });

  it("a cached figure shows another process's write at the next read", { timeout: 30_000 }, async () => {
    const definition = await getDefinition(db, (await roundVersionId(db, world.roundId, TEAM_QUESTIONNAIRE))!);
    const responseId = await insertResponse(db, {
      roundId: world.roundId,
      questionnaireKey: TEAM_QUESTIONNAIRE,
      subject: { teamId: world.teams.teamB },
      userId: world.users.teamB,
      answers: validAnswers(definition),
    });
    // This process has the region's figure cached, without the draft in it.
    const before = await regionThemeFigures(db, world.roundId, { regionId: world.regions.twente });
    expect(await regionThemeFigures(db, world.roundId, { regionId: world.regions.twente })).toBe(before);
    // Another process submits the draft.
    const { revision } = await db.selectFrom("response").select("revision").where("id", "=", responseId).executeTakeFirstOrThrow();
    const [submitted] = (await together(startProcess("submit", { responseId, revision, userId: world.users.teamB }))) as { ok: boolean }[];
    expect(submitted!.ok).toBe(true);
    // The next read here counts it.
    const after = await regionThemeFigures(db, world.roundId, { regionId: world.regions.twente });
    expect(after.teams).toBe(before.teams + 1);
    expect(after.figures.find((f) => f.theme === "A")!.counted).toBeGreaterThan(before.figures.find((f) => f.theme === "A")!.counted);
  });
});
