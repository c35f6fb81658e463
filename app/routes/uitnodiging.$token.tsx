import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { startPathFor } from "../domain/user.ts";
import { ChoosePasswordForm } from "../components/ChoosePasswordForm.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { newPasswordSchema } from "../forms/account.ts";
import { invalid, readForm } from "../http/form.server.ts";
import { findInvitation } from "../models/accounts.server.ts";
import { getUser, setPasswordWithToken } from "../models/user.server.ts";
import { hashPassword } from "../auth/password.server.ts";
import { passwordProblem } from "../auth/password-policy.server.ts";
import { createSession, destroySession } from "../auth/session.server.ts";

export const meta: MetaFunction = () => [{ title: "Wachtwoord kiezen – Werken aan veiligheid" }];

// Public by design: the single-use token in the link is the credential. A spent, expired or unknown
// link says so, without telling which.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await findInvitation(context.db, params.token ?? "");
  return { valid: Boolean(invitation), name: invitation?.name ?? null, email: invitation?.email ?? null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const invitation = await findInvitation(context.db, params.token ?? "");
  if (!invitation) return invalid({ form: "Deze uitnodiging is verlopen of al gebruikt. Vraag degene die u uitnodigde om een nieuwe link." }, {}, 410);
  const submission = await readForm(request, newPasswordSchema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  const parsed = submission;
  const problem = await passwordProblem(parsed.data.password, [invitation.email, invitation.name, ...invitation.email.split(/[@.]/)]);
  if (problem) return invalid({ password: problem }, submission.values);
  const accepted = await setPasswordWithToken(context.db, {
    token: { kind: "invitation", id: invitation.id },
    userId: invitation.user_id,
    passwordHash: await hashPassword(parsed.data.password, context.config.passwordHashCost),
    address: context.clientAddress,
  });
  if (!accepted) return invalid({ form: "Deze uitnodiging is intussen gebruikt." }, {}, 410);
  const user = (await getUser(context.db, invitation.user_id))!;
  await destroySession(context, request);
  const cookie = await createSession(context, user.id);
  throw redirect(startPathFor({ role: user.role, regionId: user.region_id, municipalityId: user.municipality_id, teamId: user.team_id }), {
    headers: { "Set-Cookie": cookie },
  });
}

export default function Invitation() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!page.valid) {
    return (
      <section className="login">
        <h1 className="utrecht-heading-1">Uitnodiging niet geldig</h1>
        <p className="utrecht-paragraph">Deze link is verlopen of al gebruikt. Vraag degene die u uitnodigde om een nieuwe link.</p>
      </section>
    );
  }
  return (
    <section className="login" aria-labelledby="kies">
      <h1 id="kies" className="utrecht-heading-1">
        Welkom, {page.name}
      </h1>
      <p className="utrecht-paragraph">
        Kies een wachtwoord voor {page.email}: ten minste 12 tekens en niet makkelijk te raden, bijvoorbeeld een zin van vier of meer woorden.
      </p>
      <ChoosePasswordForm email={page.email ?? ""} errors={actionData?.errors ?? {}} focusKey={actionData} submitLabel="Wachtwoord instellen en inloggen" />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
