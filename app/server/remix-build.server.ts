import type { ServerBuild } from "@remix-run/node";
import { isDatabaseBusy } from "../../db/client.ts";

// What the server entry changes in the Remix build before it serves it, in one place for every route:
// a database that stays busy past the busy timeout (SQLite's write lock held by another process,
// PostgreSQL without a free connection or with a row locked) is answered with 503 and Retry-After,
// which a proxy and a browser understand, and a Dutch page, instead of a 500 with a stack trace.

/** Seconds a client is asked to wait before trying again. */
export const BUSY_RETRY_AFTER_SECONDS = 5;

export const BUSY_MESSAGE = "Het is nu erg druk. Wat u net deed is niet uitgevoerd of opgeslagen; probeer het over een paar seconden opnieuw.";

type DataFunction = (args: any) => unknown;

function busyAware(fn: DataFunction): DataFunction {
  return async (args: { request: Request }) => {
    try {
      return await fn(args);
    } catch (error) {
      if (!isDatabaseBusy(error)) throw error;
      const url = new URL(args.request.url);
      // One line, no stack: the cause is load, not a fault in the code.
      console.warn(JSON.stringify({ time: new Date().toISOString(), event: "database_busy", method: args.request.method, path: url.pathname, status: 503 }));
      throw new Response(BUSY_MESSAGE, {
        status: 503,
        headers: { "Retry-After": String(BUSY_RETRY_AFTER_SECONDS), "Content-Type": "text/plain; charset=utf-8" },
      });
    }
  };
}

const prepared = new WeakMap<ServerBuild, ServerBuild>();

/** The build with every loader and action answering 503 when the database stays busy (made once per build). */
export function servedBuild(build: ServerBuild): ServerBuild {
  let served = prepared.get(build);
  if (!served) {
    const routes = Object.fromEntries(
      Object.entries(build.routes).map(([id, route]) => {
        const { loader, action } = route.module as { loader?: DataFunction; action?: DataFunction };
        const module = { ...route.module, ...(loader && { loader: busyAware(loader) }), ...(action && { action: busyAware(action) }) };
        return [id, { ...route, module }];
      }),
    );
    served = { ...build, routes } as ServerBuild;
    prepared.set(build, served);
  }
  return served;
}
