// First: refuse an unsupported Node before a native addon is loaded.
import "./app/server/node-version.ts";
import cluster, { type Worker } from "node:cluster";
import { openDatabase, type DB } from "./db/client.ts";
import { ConfigError, loadConfig, type ServerConfig } from "./app/server/config.server.ts";
import { startOutboxSender } from "./app/server/mail.server.ts";
import { configureMailDelivery } from "./app/models/outbox.server.ts";
import { startDailyCleanup } from "./app/server/cleanup.server.ts";
import { startAutomaticReminders } from "./app/server/reminders.server.ts";
import { demoAtPublicAddress } from "./app/server/config.server.ts";
import { hasDemoAccounts } from "./app/models/app-settings.server.ts";

// The one server entry: `npm start` (production build) and `npm run dev` (Vite in middleware mode).
// The first process prepares the database (migrations, questionnaires, seed) and sends the outbox;
// with more than one worker (WEB_CONCURRENCY, default one per core in production) it forks them and
// they serve, each with its own database connection on the same file, sharing the port. With one, it
// serves itself. Each process imports only what its part needs (the web server, the preparation) when
// it needs it, so the first process of a server with workers stays small (issue 28, part 7). The Remix app gets its process's connection through the load context, so routes never
// open connections of their own.

/** A worker that wants the outbox sent now (after a write that put mail in it) tells the first process. */
const OUTBOX_WAKE = "outbox:wake";

let settings: ServerConfig;
try {
  settings = loadConfig();
} catch (error) {
  console.error(`Start afgebroken: de instellingen kloppen niet.\n${error instanceof ConfigError ? error.message : String(error)}`);
  process.exit(1);
}

const listenAddress = () => `http://${settings.host === "127.0.0.1" ? "localhost" : settings.host}:${settings.port}`;

const sendsMail = Boolean(settings.smtpUrl);
if (cluster.isWorker) {
  const db = openDatabase(settings.databasePath, { busyTimeoutMs: settings.busyTimeoutMs });
  configureMailDelivery({ sends: sendsMail, wake: () => process.send?.({ type: OUTBOX_WAKE }) });
  const { serve } = await import("./app/server/web.server.ts");
  const server = await serve(db, settings);
  onStopSignal(() => closeGracefully(server, db));
} else {
  for (const warning of settings.warnings) console.warn(`Let op: ${warning}`);
  const { db, seeded, accounts } = await prepareOrExit();
  // The demo's password, to print with its accounts: the seed module is loaded only when it seeded.
  const demoPassword = seeded && accounts.length ? (await import("./seeds/demo.ts")).DEMO_PASSWORD : "";
  const refusal = demoAtPublicAddress(settings, await hasDemoAccounts(db));
  if (refusal) {
    console.error(`Start afgebroken: ${refusal}`);
    await db.destroy();
    process.exit(1);
  }
  const outbox = startOutboxSender(db, { smtpUrl: settings.smtpUrl, from: settings.mailFrom });
  configureMailDelivery({ sends: sendsMail, wake: outbox.wake });
  const cleanup = startDailyCleanup(db, settings.app.retention);
  const reminders = startAutomaticReminders(db, settings.app.publicOrigin);
  const announce = () => {
    const processes = settings.workers > 1 ? ` met ${settings.workers} werkprocessen` : "";
    console.log(
      `Werken aan veiligheid draait op ${listenAddress()}${processes} (database: ${settings.databasePath.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@")})`,
    );
    if (seeded && accounts.length) {
      console.log(`Nieuwe database met demodata. Demo-accounts (wachtwoord ${demoPassword}):`);
      for (const account of accounts) console.log(`  ${account.email.padEnd(40)} ${account.description}`);
    } else if (!seeded) {
      console.log("Bestaande database gebruikt; demo-accounts: zie README.");
    }
  };
  if (settings.workers === 1) {
    const { serve } = await import("./app/server/web.server.ts");
    const server = await serve(db, settings);
    announce();
    onStopSignal(() => {
      outbox.stop();
      cleanup.stop();
      reminders.stop();
      closeGracefully(server, db);
    });
  } else {
    superviseWorkers(settings.workers, { onAllListening: announce, onOutboxWake: outbox.wake, onStopped: () => db.destroy() });
    onStopSignal(() => {
      outbox.stop();
      cleanup.stop();
      reminders.stop();
    });
  }
}

/** Migrations, questionnaires and the seed: loaded by the first process only, and only for this. */
async function prepareOrExit() {
  const { prepareDatabase } = await import("./app/server/bootstrap.server.ts");
  const { QuestionnaireDefinitionError } = await import("./app/models/questionnaire.server.ts");
  try {
    return await prepareDatabase({
      databasePath: settings.databasePath,
      questionnairesDir: settings.questionnairesDir,
      seedDemo: settings.seedDemo,
      origin: settings.app.publicOrigin,
      busyTimeoutMs: settings.busyTimeoutMs,
    });
  } catch (error) {
    if (error instanceof QuestionnaireDefinitionError) {
      console.error(`Start afgebroken: een vragenlijst in questionnaires/ is ongeldig.\n${error.message}`);
    } else {
      console.error("Start afgebroken:", error instanceof Error ? error.message : error);
    }
    process.exit(1);
  }
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

/**
 * Forks the workers and keeps them there: a worker that dies is replaced (after a pause that grows when
 * they keep dying, so a broken build does not spin); SIGTERM or SIGINT is passed on to every worker,
 * which finishes its requests, and this process exits when the last one has.
 */
function superviseWorkers(count: number, hooks: { onAllListening(): void; onOutboxWake(): void; onStopped(): Promise<unknown> }) {
  let stopping = false;
  let announced = false;
  let listening = 0;
  const recentDeaths: number[] = [];
  const fork = () => {
    const worker = cluster.fork();
    worker.on("message", (message: { type?: string }) => {
      if (message?.type === OUTBOX_WAKE) hooks.onOutboxWake();
    });
    worker.once("listening", () => {
      listening++;
      if (!announced && listening >= count) {
        announced = true;
        hooks.onAllListening();
      }
    });
    return worker;
  };
  cluster.on("exit", (worker: Worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) void hooks.onStopped().finally(() => process.exit(0));
      return;
    }
    const now = Date.now();
    recentDeaths.push(now);
    while (recentDeaths.length && recentDeaths[0]! < now - 60_000) recentDeaths.shift();
    const pause = Math.min(30_000, 100 * 2 ** Math.max(0, recentDeaths.length - 1));
    console.error(`Werkproces ${worker.process.pid} stopte (${signal ?? `code ${code}`}); een nieuw start over ${pause} ms.`);
    setTimeout(() => {
      if (!stopping) fork();
    }, pause).unref();
  });
  for (let i = 0; i < count; i++) fork();
  const stopAll = () => {
    if (stopping) return;
    stopping = true;
    const workers = Object.values(cluster.workers ?? {});
    if (workers.length === 0) void hooks.onStopped().finally(() => process.exit(0));
    for (const worker of workers) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 12_000).unref();
  };
  process.on("SIGTERM", stopAll);
  process.on("SIGINT", stopAll);
}
