import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import { prepareDatabase } from "./app/server/bootstrap.server.ts";
import { QuestionnaireDefinitionError } from "./app/models/questionnaire.server.ts";
import { ConfigError, loadConfig } from "./app/server/config.server.ts";
import { startOutboxSender } from "./app/server/mail.server.ts";
import { bodyLimit, noStore, requestLog, sameOriginWrites, securityHeaders } from "./app/server/middleware.ts";
import { DEMO_PASSWORD } from "./seeds/demo.ts";

// The one server entry: `npm start` (production build) and `npm run dev` (Vite in middleware mode).
// It prepares the database, then hands the Remix app its one database connection through the load
// context, so routes never open connections of their own.

let settings;
try {
  settings = loadConfig();
} catch (error) {
  console.error(`Start afgebroken: de instellingen kloppen niet.\n${error instanceof ConfigError ? error.message : String(error)}`);
  process.exit(1);
}
for (const warning of settings.warnings) console.warn(`Let op: ${warning}`);
const { production, port, host, databasePath } = settings;

let prepared;
try {
  prepared = await prepareDatabase({
    databasePath,
    questionnairesDir: settings.questionnairesDir,
    seedDemo: settings.seedDemo,
  });
} catch (error) {
  if (error instanceof QuestionnaireDefinitionError) {
    console.error(`Start afgebroken: een vragenlijst in questionnaires/ is ongeldig.\n${error.message}`);
  } else {
    console.error("Start afgebroken:", error instanceof Error ? error.message : error);
  }
  process.exit(1);
}
const { db, seeded, accounts } = prepared;
const config = settings.app;
const outbox = startOutboxSender(db, { smtpUrl: settings.smtpUrl, from: settings.mailFrom });

const viteDevServer = production ? undefined : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

const app = express();
app.disable("x-powered-by");
// Behind a reverse proxy (TRUST_PROXY=1) the client's address and protocol come from its headers.
if (settings.trustProxy !== undefined) app.set("trust proxy", settings.trustProxy);
if (settings.requestLog) app.use(requestLog());
app.use(securityHeaders({ production }));
app.use(sameOriginWrites(settings.appOrigin));
app.use(bodyLimit(settings.maxBodyBytes));

if (viteDevServer) {
  app.use(viteDevServer.middlewares);
} else {
  // Fingerprinted assets can be cached for good; anything else in public/ for an hour.
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  // Only paths that name a file look on disk: a page request would otherwise cost a file lookup first.
  const publicFiles = express.static("build/client", { maxAge: "1h" });
  app.use((req, res, next) => (/\.\w+$/.test(req.path) ? publicFiles(req, res, next) : next()));
}

// Everything past the static files is a page, a data request or a download: none of it is kept.
app.use(noStore());

const build = viteDevServer
  ? () => viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>
  : ((await import(pathToFileURL(resolve("build/server/index.js")).href)) as ServerBuild);

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
      outbox,
    }),
  }),
);

const server = app.listen(port, host, () => {
  const address = `http://${host === "127.0.0.1" ? "localhost" : host}:${port}`;
  console.log(`Werken aan veiligheid draait op ${address} (database: ${databasePath})`);
  if (seeded && accounts.length) {
    console.log(`Nieuwe database met demodata. Demo-accounts (wachtwoord ${DEMO_PASSWORD}):`);
    for (const account of accounts) console.log(`  ${account.email.padEnd(40)} ${account.description}`);
  } else if (!seeded) {
    console.log("Bestaande database gebruikt; demo-accounts: zie README.");
  }
});

// SIGTERM/SIGINT: stop taking connections, let requests in flight finish, then close the database.
function shutdown() {
  outbox.stop();
  server.close(() => {
    db.destroy().finally(() => process.exit(0));
  });
  // Idle keep-alive connections would hold close() open; requests in flight still finish.
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
