import type { ActionFunctionArgs } from "@remix-run/node";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { startPathFor } from "../domain/user.ts";
import { passkeyPostSchema } from "../forms/passkey.ts";
import { parseForm } from "../forms/submission.ts";
import { checkPasskey, passkeySignInOptions } from "../auth/passkeys.server.ts";
import { currentChallenge, signIn } from "../auth/second-step.server.ts";
import { readFormData } from "../http/http.server.ts";
import { audit } from "../models/audit.server.ts";
import { getIdentityProvider } from "../models/identity-providers.server.ts";
import { waitText } from "../models/login-throttle.server.ts";
import { getUser } from "../models/user.server.ts";

// The second step with a passkey (decision 90): only with the challenge cookie a correct password (or the
// organisation's provider) gave; the page's script asks the options and posts the authenticator's answer here.

export async function action({ request, context }: ActionFunctionArgs) {
  const challenge = await currentChallenge(context, request);
  const user = challenge ? await getUser(context.db, challenge.userId) : undefined;
  if (!challenge || !user || user.disabled_at) return Response.json({ message: "De tweede stap is verlopen. Log opnieuw in.", expired: true }, { status: 410 });
  const submission = parseForm(await readFormData(request), passkeyPostSchema);
  if (!submission.ok) return Response.json({ message: Object.values(submission.errors)[0] ?? "Onbekend verzoek." }, { status: 400 });
  if (submission.data.intent === "opties") return Response.json(await passkeySignInOptions(context, user.id));
  const check = await checkPasskey(context, user.id, submission.data.response as unknown as AuthenticationResponseJSON);
  if (!check.ok) {
    await audit(context.db, { actorId: user.id, action: "login.second_factor_failed", entity: "session", address: context.clientAddress });
    const message = check.waitMs
      ? `Te vaak mislukt. Wacht ${waitText(check.waitMs)} en probeer het dan opnieuw.`
      : "De passkey werd niet herkend. Probeer het opnieuw, of gebruik een code.";
    return Response.json({ message }, { status: check.waitMs ? 429 : 400 });
  }
  const provider = challenge.identityProviderId ? ((await getIdentityProvider(context.db, challenge.identityProviderId)) ?? null) : null;
  const cookies = await signIn(context, request, user.id, {
    method: provider ? "organisatie+passkey" : "wachtwoord+passkey",
    challengeToken: challenge.token,
    provider,
  });
  if (!cookies) return Response.json({ message: "De tweede stap is verlopen. Log opnieuw in.", expired: true }, { status: 410 });
  const next = challenge.redirectTo || startPathFor({ role: user.role, regionId: user.region_id, municipalityId: user.municipality_id, teamId: user.team_id });
  const headers = new Headers();
  for (const cookie of cookies) headers.append("Set-Cookie", cookie);
  return Response.json({ next }, { headers });
}
