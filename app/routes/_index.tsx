import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { startPathFor } from "../domain/user.ts";
import { requireUser } from "../auth/guards.server.ts";

// "/" sends each role to its own start page (and an anonymous visitor to the login page).
export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  throw redirect(startPathFor(user));
}
