import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { startPathFor } from "../domain/user.ts";
import { clearStateCookie, finishOrganisationSignIn } from "../auth/oidc.server.ts";
import { secondStepFor, signIn, startSecondStep } from "../auth/second-step.server.ts";
import { getUser } from "../models/user.server.ts";
import { audit } from "../models/audit.server.ts";

// Where an organisation's provider sends the browser back (decision 91). Every check is in finishOrganisationSignIn;
// a refusal goes back to the login page with its kind, and the audit log records the kind only (never the
// provider's answer). A second step, where the account has or needs one, follows as after a password.

const headers = (cookies: string[]) => cookies.map((c) => ["Set-Cookie", c] as [string, string]);

export async function loader({ request, context }: LoaderFunctionArgs) {
  const result = await finishOrganisationSignIn(context, request);
  const clear = clearStateCookie(context.config);
  if (!result.ok) {
    await audit(context.db, {
      actorId: null,
      actorLabel: result.provider?.name ?? null,
      action: "login.organisation_failed",
      entity: "session",
      changes: { reason: [null, result.refusal] },
      address: context.clientAddress,
    });
    throw redirect(`/login?organisatie-fout=${result.refusal}`, { headers: headers([clear]) });
  }
  const user = (await getUser(context.db, result.userId))!;
  if (await secondStepFor(context, user)) {
    throw redirect("/login/tweede-stap", { headers: headers([await startSecondStep(context, user.id, result.redirectTo, result.provider.id), clear]) });
  }
  const cookies = (await signIn(context, request, user.id, { method: "organisatie", provider: result.provider }))!;
  const start = startPathFor({ role: user.role, regionId: user.region_id, municipalityId: user.municipality_id, teamId: user.team_id });
  throw redirect(result.redirectTo || start, { headers: headers([...cookies, clear]) });
}
