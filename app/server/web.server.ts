import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import express from "express";
import compression from "compression";
import expressStaticGzip from "express-static-gzip";
import { createRequestHandler } from "@remix-run/express";
import { createRequestHandler as createFetchHandler, type ServerBuild } from "@remix-run/node";
import type { DB } from "../../db/client.ts";
import type { ServerConfig } from "./config.server.ts";
import type { RequestInfo } from "./context.ts";
import { assetHeaders, bodyLimit, noStore, publicRateLimit, refuseUnservableAddresses, requestLog, sameOriginWrites, securityHeaders } from "./middleware.ts";
import { servedBuild } from "./remix-build.server.ts";
import { publicAnswers } from "./public-answers.server.ts";
import { STREAM_COMPRESSION } from "./compression.server.ts";
import { publicationStamp } from "../models/publications.server.ts";

// The web server of a process that serves: Express with the middleware, the static files and Remix. Only
// the processes that serve load it (server.ts imports it when it serves), so the first process of a
// server with workers, which only prepares, sends mail and supervises, never loads Express or Remix.

/** The web server of one process: middleware, static files, then Remix. Resolves once it listens. */
export async function serve(db: DB, settings: ServerConfig) {
  const { production } = settings;
  const viteDevServer = production ? undefined : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));

  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy (TRUST_PROXY=1) the client's address and protocol come from its headers.
  if (settings.trustProxy !== undefined) app.set("trust proxy", settings.trustProxy);
  if (settings.requestLog) app.use(requestLog());
  // Anonymous readers past their limit are refused first, before anything else costs a thing.
  app.use(publicRateLimit());
  // The build's fingerprinted files first, with only the headers a file needs (not a page's), cached for good
  // (immutable: a browser never asks again, so no ETag or Last-Modified either), as the brotli or gzip copy made
  // at build time (scripts/compress-assets.ts) when the browser accepts one.
  const compressed = { enableBrotli: true, orderPreference: ["br", "gz"], index: false as const };
  if (!viteDevServer)
    app.use(
      "/assets",
      assetHeaders(),
      expressStaticGzip("build/client/assets", { ...compressed, serveStatic: { immutable: true, maxAge: "1y", etag: false, lastModified: false } }),
    );
  app.use(securityHeaders({ production }));
  app.use(refuseUnservableAddresses());
  app.use(sameOriginWrites(settings.appOrigin));
  app.use(bodyLimit(settings.maxBodyBytes));

  if (viteDevServer) {
    app.use(viteDevServer.middlewares);
  } else {
    // Anything else in public/ (the icon) for an hour, with a page's headers. Only paths that name a file look
    // on disk: a page request would otherwise cost a file lookup first.
    const publicFiles = expressStaticGzip("build/client", { ...compressed, serveStatic: { maxAge: "1h" } });
    app.use((req, res, next) => (/\.\w+$/.test(req.path) ? publicFiles(req, res, next) : next()));
  }

  const build = viteDevServer
    ? () => (viteDevServer.ssrLoadModule("virtual:remix/server-build") as Promise<ServerBuild>).then(servedBuild)
    : servedBuild((await import(pathToFileURL(resolve("build/server/index.js")).href)) as ServerBuild);
  const config = settings.app;

  // The public picture, its open data and the API: rendered once per state of the publications and then sent as
  // kept, already compressed (decision 92). Not in development, where the code changes under it.
  if (production) {
    const renderPublic = createFetchHandler(build, "production");
    app.use(
      publicAnswers({
        stamp: () => publicationStamp(db),
        render: (pathAndQuery) => renderPublic(new Request(new URL(pathAndQuery, config.publicOrigin)), { db, config }),
      }),
    );
  }

  // Data and downloads are compressed as they are sent: brotli where the browser asks for it, else gzip (decision
  // 89); pages come compressed already (app/entry.server.tsx, decision 94), which the middleware leaves alone, as
  // it does files that are compressed already (XLSX is a zip).
  app.use(compression(STREAM_COMPRESSION));

  // Everything past the static files is a page, a data request or a download: none of it is kept.
  app.use(noStore());

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
        // One per request, also without the request log: the session is looked up once per request by it.
        requestInfo: (res.locals.requestInfo ??= { accountId: null }) as RequestInfo,
      }),
    }),
  );
  return new Promise<ReturnType<typeof app.listen>>((resolveListening) => {
    const server = app.listen(settings.port, settings.host, () => resolveListening(server));
  });
}
