// First: refuse an unsupported Node before a native addon is loaded.
import "./app/server/node-version.ts";
import cluster, { type Worker } from "node:cluster";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { constants as zlibConstants } from "node:zlib";
import express from "express";
import compression from "compression";
import expressStaticGzip from "express-static-gzip";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { openDatabase, type DB } from "./db/client.ts";
import { prepareDatabase } from "./app/server/bootstrap.server.ts";
import { QuestionnaireDefinitionError } from "./app/models/questionnaire.server.ts";
import { ConfigError, loadConfig, type ServerConfig } from "./app/server/config.server.ts";
import { startOutboxSender } from "./app/server/mail.server.ts";
import { configureMailDelivery } from "./app/models/outbox.server.ts";
import { startDailyCleanup } from "./app/server/cleanup.server.ts";
import { startAutomaticReminders } from "./app/server/reminders.server.ts";
import { bodyLimit, noStore, refuseUnservableAddresses, requestLog, sameOriginWrites, securityHeaders } from "./app/server/middleware.ts";
import { servedBuild } from "./app/server/remix-build.server.ts";
import { demoAtPublicAddress } from "./app/server/config.server.ts";
import { hasDemoAccounts } from "./app/models/app-settings.server.ts";
import { DEMO_PASSWORD } from "./seeds/demo.ts";

// The one server entry: `npm start` (production build) and `npm run dev` (Vite in middleware mode).
// The first process prepares the database (migrations, questionnaires, seed) and sends the outbox;
// with more than one worker (WEB_CONCURRENCY, default one per core in production) it forks them and
// they serve, each with its own database connection on the same file, sharing the port. With one, it
// serves itself. The Remix app gets its process's connection through the load context, so routes never
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
  const server = await serve(db);
  onStopSignal(() => closeGracefully(server, db));
} else {
  for (const warning of settings.warnings) console.warn(`Let op: ${warning}`);
  const { db, seeded, accounts } = await prepareOrExit();
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
      console.log(`Nieuwe database met demodata. Demo-accounts (wachtwoord ${DEMO_PASSWORD}):`);
      for (const account of accounts) console.log(`  ${account.email.padEnd(40)} ${account.description}`);
    } else if (!seeded) {
      console.log("Bestaande database gebruikt; demo-accounts: zie README.");
    }
  };
  if (settings.workers === 1) {
    const server = await serve(db);
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

async function prepareOrExit() {
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

/** The web server of one process: middleware, static files, then Remix. Resolves once it listens. */
async function serve(db: DB) {
  const { production } = settings;
  const viteDevServer = production ? undefined : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy (TRUST_PROXY=1) the client's address and protocol come from its headers.
  if (settings.trustProxy !== undefined) app.set("trust proxy", settings.trustProxy);
  if (settings.requestLog) app.use(requestLog());
  app.use(securityHeaders({ production }));
  app.use(refuseUnservableAddresses());
  app.use(sameOriginWrites(settings.appOrigin));
  app.use(bodyLimit(settings.maxBodyBytes));

  if (viteDevServer) {
    app.use(viteDevServer.middlewares);
  } else {
    // Fingerprinted assets can be cached for good; anything else in public/ for an hour. Both are sent as the
    // brotli or gzip copy made at build time (scripts/compress-assets.ts) when the browser accepts one.
    const compressed = { enableBrotli: true, orderPreference: ["br", "gz"], index: false as const };
    app.use("/assets", expressStaticGzip("build/client/assets", { ...compressed, serveStatic: { immutable: true, maxAge: "1y" } }));
    // Only paths that name a file look on disk: a page request would otherwise cost a file lookup first.
    const publicFiles = expressStaticGzip("build/client", { ...compressed, serveStatic: { maxAge: "1h" } });
    app.use((req, res, next) => (/\.\w+$/.test(req.path) ? publicFiles(req, res, next) : next()));
  }

  // Pages, data and downloads are compressed as they are sent: brotli where the browser asks for it, else gzip
  // (decision 89). Files that are already compressed (XLSX is a zip) are left as they are.
  // Brotli quality 3 with a 256 KB window: a page compresses in about 60% of the CPU of the defaults (quality 4,
  // a 4 MB window per response), 5-7% larger; gzip at level 4 rather than 6 likewise (measured in decision 89).
  app.use(compression({ level: 4, brotli: { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 3, [zlibConstants.BROTLI_PARAM_LGWIN]: 18 } } }));

  // Everything past the static files is a page, a data request or a download: none of it is kept.
  app.use(noStore());

  const build = viteDevServer
    ? () => (viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>).then(servedBuild)
    : servedBuild((await import(pathToFileURL(resolve("build/server/index.js")).href)) as ServerBuild);

  const config = settings.app;
  app.all(
    "*",
    createRequestHandler({
      build,
      mode: production ? "production" : "development",
      getLoadContext: (req, res) => ({
        db,
        config,
        clientAddress: req.ip ?? req.socket.remoteAddress ?? "onbekend",
        cspNonce: res.locals.cspNonce as string,
        requestInfo: res.locals.requestInfo,
      }),
    }),
  );
  return new Promise<ReturnType<typeof app.listen>>((resolveListening) => {
    const server = app.listen(settings.port, settings.host, () => resolveListening(server));
  });
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
