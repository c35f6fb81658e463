import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from "@remix-run/node";
import { z } from "../forms/zod.ts";
import { requireUser } from "../auth/guards.server.ts";
import { startPathFor } from "../domain/user.ts";
import { idField } from "../forms/fields.ts";
import { readForm } from "../http/form.server.ts";
import { notFound, safeRedirectPath } from "../http/http.server.ts";
import { openNotification, readAllNotifications } from "../models/notifications.server.ts";

// The notifications' actions: open one (mark it read, go to what it is about) or mark all read. The list
// itself is on the start page; this address has no page of its own.

const schema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("open"), id: idField("Onbekende melding.") }),
  z.object({ intent: z.literal("all"), back: z.string().default("") }),
]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  throw redirect(`${startPathFor(user)}#meldingen`);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const submission = await readForm(request, schema);
  if (!submission.ok) throw new Response("Onbekende handeling.", { status: 400 });
  if (submission.data.intent === "all") {
    await readAllNotifications(context.db, user.id);
    throw redirect(`${safeRedirectPath(submission.data.back, startPathFor(user))}#meldingen`);
  }
  // Another user's notification is not found: its existence is not revealed.
  const link = await openNotification(context.db, user.id, submission.data.id);
  if (!link) notFound();
  throw redirect(safeRedirectPath(link, startPathFor(user)));
}
