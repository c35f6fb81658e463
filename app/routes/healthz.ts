import type { LoaderFunctionArgs } from "@remix-run/node";
import { databaseAnswers } from "../models/health.server.ts";

// GET /healthz: for a load balancer or process manager. 200 "ok" when this instance's database answers,
// 503 otherwise. Public and without content worth hiding; nothing is cached (no-store, like every page).
export async function loader({ context }: LoaderFunctionArgs) {
  const ok = await databaseAnswers(context.db);
  return new Response(ok ? "ok\n" : "database onbereikbaar\n", { status: ok ? 200 : 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
