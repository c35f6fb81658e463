import cluster, { type Worker } from "node:cluster";
import { availableParallelism } from "node:os";

// The first process of a server with workers only supervises: it loads nothing but node:cluster (no database,
// no settings check, no web server), so its memory is Node's own (issue 28, part 7; decision 94). What it
// used to do itself is done by its children: a short-lived one prepares the database (migrations,
// questionnaires, the demo) before any worker opens it, and the first worker also runs the background jobs
// (the outbox, the daily clean-up, the automatic reminders). server.ts decides which part a process plays.

/** The environment variable that tells a child of the supervisor its part. */
const PART_VARIABLE = "WAV_PROCESS_PART";
/** A worker's parts: prepare and exit, serve, or serve and run the background jobs. */
export type ProcessPart = "prepare" | "serve" | "serve-and-jobs";
/** A worker that put mail in the outbox asks the jobs worker, through this process, to send it now. */
export const OUTBOX_WAKE = "outbox:wake";

/** What the preparing child reports before it exits: how many workers to start, and what to print once they listen. */
export interface Prepared {
  type: "prepared";
  workers: number;
  announcement: string[];
}

/**
 * Whether `npm start` serves from its one process (no workers): WEB_CONCURRENCY=1, or not production, or a
 * single core. Decided without loading the settings (which would load their checks into the supervisor): a
 * value the settings refuse is reported by the process that loads them, the one process or the preparing child.
 */
export function servesInOneProcess(env: Record<string, string | undefined> = process.env): boolean {
  if (env.NODE_ENV !== "production") return true;
  return (env.WEB_CONCURRENCY ?? String(availableParallelism())).trim() === "1";
}

/** The part of a child of the supervisor (a worker started otherwise serves). */
export function processPart(env: Record<string, string | undefined> = process.env): ProcessPart {
  const part = env[PART_VARIABLE];
  return part === "prepare" || part === "serve-and-jobs" ? part : "serve";
}

/**
 * Prepares the database in a child, then forks the workers and keeps them there: a worker that dies is replaced
 * in its part (after a pause that grows when they keep dying, so a broken build does not spin); SIGTERM or SIGINT
 * is passed on to every worker, which finishes its requests, and this process exits when the last one has.
 */
export function supervise(): void {
  let stopping = false;
  const preparing = cluster.fork({ [PART_VARIABLE]: "prepare" satisfies ProcessPart });
  let prepared: Prepared | undefined;
  preparing.on("message", (message: Prepared) => {
    if (message?.type === "prepared") prepared = message;
  });
  preparing.on("exit", (code) => {
    if (stopping) process.exit(0);
    // The child printed why it could not prepare (bad settings, a broken questionnaire, a database it cannot open).
    if (!prepared || code !== 0) process.exit(1);
    startWorkers(prepared);
  });

  const startWorkers = ({ workers: count, announcement }: Prepared) => {
    let announced = false;
    let listening = 0;
    let jobsWorker: Worker | undefined;
    const recentDeaths: number[] = [];
    const fork = (part: ProcessPart) => {
      const worker = cluster.fork({ [PART_VARIABLE]: part });
      if (part === "serve-and-jobs") jobsWorker = worker;
      worker.on("message", (message: { type?: string }) => {
        if (message?.type === OUTBOX_WAKE && jobsWorker?.isConnected()) jobsWorker.send({ type: OUTBOX_WAKE });
      });
      worker.once("listening", () => {
        listening++;
        if (!announced && listening >= count) {
          announced = true;
          for (const line of announcement) console.log(line);
        }
      });
      worker.once("exit", (code, signal) => {
        if (stopping) {
          if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
          return;
        }
        const now = Date.now();
        recentDeaths.push(now);
        while (recentDeaths.length && recentDeaths[0]! < now - 60_000) recentDeaths.shift();
        const pause = Math.min(30_000, 100 * 2 ** Math.max(0, recentDeaths.length - 1));
        console.error(`Werkproces ${worker.process.pid} stopte (${signal ?? `code ${code}`}); een nieuw start over ${pause} ms.`);
        setTimeout(() => {
          if (!stopping) fork(part);
        }, pause).unref();
      });
    };
    fork("serve-and-jobs");
    for (let i = 1; i < count; i++) fork("serve");
  };

  const stopAll = () => {
    if (stopping) return;
    stopping = true;
    const children = Object.values(cluster.workers ?? {});
    if (children.length === 0) process.exit(0);
    for (const child of children) child?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 12_000).unref();
  };
  process.on("SIGTERM", stopAll);
  process.on("SIGINT", stopAll);
}
