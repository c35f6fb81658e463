// First: refuse an unsupported Node before a native addon is loaded.
import "./app/server/node-version.ts";
import cluster from "node:cluster";
import { OUTBOX_WAKE, processPart, servesInOneProcess, type Prepared } from "./app/server/supervisor.server.ts";
import type { DB } from "./db/client.ts";
import type { ServerConfig } from "./app/server/config.server.ts";

// The one server entry: `npm start` (production build) and `npm run dev` (Vite in middleware mode).
// With one process (WEB_CONCURRENCY=1, or development) it prepares the database (migrations,
// questionnaires, seed), runs the background jobs (outbox, clean-up, reminders) and serves. With workers
// (default one per core in production) the first process only supervises (app/server/supervisor.server.ts,
// decision 94) and each child plays its part: one prepares the database and exits, then the workers serve,
// each with its own database connection on the same file, sharing the port, and the first of them runs the
// background jobs as well. Every part imports only what it needs, when it needs it. The Remix app gets its
// process's connection through the load context, so routes never open connections of their own.

if (cluster.isPrimary && !servesInOneProcess()) {
  (await import("./app/server/supervisor.server.ts")).supervise();
} else {
  const part = cluster.isPrimary ? "one process" : processPart();
  const settings = await settingsOrExit();
  if (part === "prepare") {
    await prepareAndReport(settings);
  } else if (part === "one process") {
    const { db, announcement } = await prepareOrExit(settings);
    const jobs = await startBackgroundJobs(db, settings);
    const server = await (await import("./app/server/web.server.ts")).serve(db, settings);
    for (const line of announcement) console.log(line);
    onStopSignal(() => {
      jobs.stop();
      closeGracefully(server, db);
    });
  } else {
    const { openDatabase } = await import("./db/client.ts");
    const db = openDatabase(settings.databasePath, { busyTimeoutMs: settings.busyTimeoutMs });
    const jobs = part === "serve-and-jobs" ? await startBackgroundJobs(db, settings) : undefined;
    if (!jobs) {
      const { configureMailDelivery } = await import("./app/models/outbox.server.ts");
      configureMailDelivery({ sends: Boolean(settings.smtpUrl), wake: () => process.send?.({ type: OUTBOX_WAKE }) });
    }
    const server = await (await import("./app/server/web.server.ts")).serve(db, settings);
    onStopSignal(() => {
      jobs?.stop();
      closeGracefully(server, db);
    });
  }
}

async function settingsOrExit(): Promise<ServerConfig> {
  const { ConfigError, loadConfig } = await import("./app/server/config.server.ts");
  try {
    return loadConfig();
  } catch (error) {
    console.error(`Start afgebroken: de instellingen kloppen niet.\n${error instanceof ConfigError ? error.message : String(error)}`);
    process.exit(1);
  }
}

/** The preparing child of a server with workers: prepare, tell the supervisor how many workers to start and what to print, exit. */
async function prepareAndReport(settings: ServerConfig) {
  const { db, announcement } = await prepareOrExit(settings);
  await db.destroy();
  const report: Prepared = { type: "prepared", workers: settings.workers, announcement };
  process.send!(report, () => process.exit(0));
}

/**
 * Migrations, questionnaires and the seed, and the refusal to run the demo at a public address: loaded by the
 * process that prepares only, and only for this. Gives the open database and the lines to print once serving.
 */
async function prepareOrExit(settings: ServerConfig): Promise<{ db: DB; announcement: string[] }> {
  for (const warning of settings.warnings) console.warn(`Let op: ${warning}`);
  const { prepareDatabase } = await import("./app/server/bootstrap.server.ts");
  const { QuestionnaireDefinitionError } = await import("./app/models/questionnaire.server.ts");
  try {
    const { db, seeded, accounts } = await prepareDatabase({
      databasePath: settings.databasePath,
      questionnairesDir: settings.questionnairesDir,
      seedDemo: settings.seedDemo,
      origin: settings.app.publicOrigin,
      busyTimeoutMs: settings.busyTimeoutMs,
    });
    const { demoAtPublicAddress } = await import("./app/server/config.server.ts");
    const { hasDemoAccounts } = await import("./app/models/app-settings.server.ts");
    const refusal = demoAtPublicAddress(settings, await hasDemoAccounts(db));
    if (refusal) {
      console.error(`Start afgebroken: ${refusal}`);
      await db.destroy();
      process.exit(1);
    }
    return { db, announcement: await announcement(settings, seeded, accounts) };
  } catch (error) {
    if (error instanceof QuestionnaireDefinitionError) {
      console.error(`Start afgebroken: een vragenlijst in questionnaires/ is ongeldig.\n${error.message}`);
    } else {
      console.error("Start afgebroken:", error instanceof Error ? error.message : error);
    }
    process.exit(1);
  }
}

/** What the server prints once it serves: where, on which database, and the demo's accounts when it just made them. */
async function announcement(settings: ServerConfig, seeded: boolean, accounts: { email: string; description: string }[]): Promise<string[]> {
  const processes = settings.workers > 1 ? ` met ${settings.workers} werkprocessen` : "";
  const lines = [
    `Werken aan veiligheid draait op ${settings.listenOrigin}${processes} (database: ${settings.databasePath.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@")})`,
  ];
  if (seeded && accounts.length) {
    // The demo's password: the seed module is loaded only when it seeded.
    const { DEMO_PASSWORD } = await import("./seeds/demo.ts");
    lines.push(`Nieuwe database met demodata. Demo-accounts (wachtwoord ${DEMO_PASSWORD}):`);
    for (const account of accounts) lines.push(`  ${account.email.padEnd(40)} ${account.description}`);
  } else if (!seeded) {
    lines.push("Bestaande database gebruikt; demo-accounts: zie README.");
  }
  return lines;
}

/**
 * The background jobs, in one process of the server: the outbox sender (woken at once by a write in this
 * process, or by another worker through the supervisor), the daily clean-up and the automatic reminders.
 */
async function startBackgroundJobs(db: DB, settings: ServerConfig): Promise<{ stop(): void }> {
  const { startOutboxSender } = await import("./app/server/mail.server.ts");
  const { configureMailDelivery } = await import("./app/models/outbox.server.ts");
  const { startDailyCleanup } = await import("./app/server/cleanup.server.ts");
  const { startAutomaticReminders } = await import("./app/server/reminders.server.ts");
  const outbox = startOutboxSender(db, { smtpUrl: settings.smtpUrl, from: settings.mailFrom });
  configureMailDelivery({ sends: Boolean(settings.smtpUrl), wake: outbox.wake });
  process.on("message", (message: { type?: string }) => {
    if (message?.type === OUTBOX_WAKE) outbox.wake();
  });
  const cleanup = startDailyCleanup(db, settings.app.retention);
  const reminders = startAutomaticReminders(db, settings.app.publicOrigin);
  return {
    stop() {
      outbox.stop();
      cleanup.stop();
      reminders.stop();
    },
  };
}

/** Stop taking connections, let requests in flight finish, then close the database and exit. */
function closeGracefully(server: { close(done: () => void): void; closeIdleConnections(): void }, db: DB) {
  server.close(() => {
    db.destroy().finally(() => process.exit(0));
  });
  // Idle keep-alive connections would hold close() open; requests in flight still finish.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}

function onStopSignal(stop: () => void) {
  let stopping = false;
  const once = () => {
    if (stopping) return;
    stopping = true;
    stop();
  };
  process.on("SIGTERM", once);
  process.on("SIGINT", once);
}
