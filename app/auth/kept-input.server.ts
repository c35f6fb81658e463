import type { AppLoadContext } from "@remix-run/node";
import { isSecretField } from "../forms/secrets.ts";
import { keepPendingSave, type PostedFields } from "../models/pending-save.server.ts";

// Nothing a user submitted is lost when their session expired: the fields of a section form posted
// then are kept for that user and page, and the page restores them after logging in again.

export async function keepPostedInput(context: AppLoadContext, request: Request, userId: number, path: string) {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded")) return;
  try {
    const form = await request.formData();
    const fields: PostedFields = [];
    for (const [name, value] of form) if (typeof value === "string" && !isSecretField(name)) fields.push([name, value]);
    if (fields.length) await keepPendingSave(context.db, userId, path, fields);
  } catch {
    // An unreadable body has nothing to keep; the user still goes to the login page.
  }
}
