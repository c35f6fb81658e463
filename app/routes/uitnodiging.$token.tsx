import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { ChoosePasswordForm } from "../components/ChoosePasswordForm.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { startPathFor } from "../authorization.server.ts";
import { newPasswordSchema } from "../forms/account.ts";
import { readFormData } from "../http.server.ts";
import { acceptInvitation, findInvitation } from "../models/accounts.server.ts";
import { getUser } from "../models/user.server.ts";
import { hashPassword } from "../password.server.ts";
import { passwordProblem } from "../password-policy.server.ts";
import { fieldErrorsOf } from "../questionnaire/schema.ts";
import { createSession, destroySession } from "../session.server.ts";

export const meta: MetaFunction = () => [{ title: "Wachtwoord kiezen – Werken aan veiligheid" }];

// Public by design: the single-use token in the link is the credential. A spent, expired or unknown
// link says so, without telling which.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const invitation = await findInvitation(context.db, params.token ?? "");
  return { valid: Boolean(invitation), name: invitation?.name ?? null, email: invitation?.email ?? null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const invitation = await findInvitation(context.db, params.token ?? "");
  if (!invitation) return data({ errors: { form: "Deze uitnodiging is verlopen of al gebruikt. Vraag degene die u uitnodigde om een nieuwe link." } as Record<string, string> }, { status: 410 });
  const form = await readFormData(request);
  const parsed = newPasswordSchema.safeParse({ password: form.get("password") ?? "", repeat: form.get("repeat") ?? "" });
  if (!parsed.success) return data({ errors: fieldErrorsOf(parsed.error) }, { status: 400 });
  const problem = await passwordProblem(parsed.data.password, [invitation.email, invitation.name, ...invitation.email.split(/[@.]/)]);
  if (problem) return data({ errors: { password: problem } as Record<string, string> }, { status: 400 });
  const accepted = await acceptInvitation(context.db, { invitationId: invitation.id, userId: invitation.user_id, passwordHash: await hashPassword(parsed.data.password) });
  if (!accepted) return data({ errors: { form: "Deze uitnodiging is intussen gebruikt." } as Record<string, string> }, { status: 410 });
  const user = (await getUser(context.db, invitation.user_id))!;
  await destroySession(context, request);
  const cookie = await createSession(context, user.id);
  throw redirect(startPathFor({ role: user.role, regionId: user.region_id, municipalityId: user.municipality_id, teamId: user.team_id }), { headers: { "Set-Cookie": cookie } });
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
