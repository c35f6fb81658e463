import type { ActionFunctionArgs } from "@remix-run/node";
import type { RegistrationResponseJSON } from "@simplewebauthn/server";
import { passkeyPostSchema } from "../forms/passkey.ts";
import { parseForm } from "../forms/submission.ts";
import { requireUser } from "../auth/guards.server.ts";
import { passkeyRegistrationOptions, registerPasskey } from "../auth/passkeys.server.ts";
import { newRecoveryCodes } from "../auth/second-factor.server.ts";
import { readFormData } from "../http/http.server.ts";
import { audit } from "../models/audit.server.ts";
import { secondFactorOf } from "../models/second-factor.server.ts";

// Adding a passkey on /account/tweede-stap (decision 90): the page's script asks the options, lets the browser
// make the credential, and posts its answer here. The first second factor of an account brings recovery codes.

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const submission = parseForm(await readFormData(request), passkeyPostSchema);
  if (!submission.ok) return Response.json({ message: Object.values(submission.errors)[0] ?? "Onbekend verzoek." }, { status: 400 });
  if (submission.data.intent === "opties") return Response.json(await passkeyRegistrationOptions(context, user));
  const before = await secondFactorOf(context.db, user.id);
  const name = submission.data.name || "Passkey";
  if (!(await registerPasskey(context, user.id, submission.data.response as unknown as RegistrationResponseJSON, name))) {
    return Response.json({ message: "De passkey is niet toegevoegd: het antwoord klopte niet of kwam te laat. Probeer het opnieuw." }, { status: 400 });
  }
  await audit(context.db, {
    actorId: user.id,
    action: "second_factor.passkey_added",
    entity: "user_account",
    entityId: user.id,
    changes: { name: [null, name] },
  });
  const first = !before.totp && before.passkeys === 0;
  return Response.json({ recoveryCodes: first ? await newRecoveryCodes(context, user.id) : null });
}
