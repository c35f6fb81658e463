import { redirect, type ActionFunctionArgs } from "@remix-run/node";
import { clearSessionCookie, destroySession } from "../session.server.ts";

// Logging out needs no guard: it only ends the session the request carries, if any.
export async function loader() {
  throw redirect("/");
}

export async function action({ request, context }: ActionFunctionArgs) {
  await destroySession(context, request);
  throw redirect("/login?uitgelogd=1", { headers: { "Set-Cookie": clearSessionCookie(context) } });
}
