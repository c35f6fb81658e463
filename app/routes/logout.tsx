import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { optionalUser } from "../auth/guards.server.ts";
import { audit } from "../models/audit.server.ts";
import { clearSessionCookie, destroySession } from "../auth/session.server.ts";

// Logging out needs no guard: it only ends the session the request carries, if any.
export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await optionalUser(request, context);
  const provider = await destroySession(context, request);
  if (user) await audit(context.db, { actorId: user.id, action: "logout", entity: "session", address: context.clientAddress });
  // Signed in through an organisation's provider: the login page offers its logout too.
  throw redirect(`/login?uitgelogd=1${provider ? `&organisatie=${provider}` : ""}`, { headers: { "Set-Cookie": clearSessionCookie(context) } });
}
