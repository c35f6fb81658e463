import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "../auth/guards.server.ts";

// "Ingelogd blijven": any authenticated request extends the session; this one does only that.
export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireUser(request, context);
  return { ok: true };
}
