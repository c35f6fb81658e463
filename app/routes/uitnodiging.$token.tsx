import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { startPathFor } from "../authorization.server.ts";
import { readFormData } from "../http.server.ts";
import { acceptInvitation, findInvitation } from "../models/accounts.server.ts";
import { getUser } from "../models/user.server.ts";
import { hashPassword } from "../password.server.ts";
import { passwordProblem } from "../password-policy.server.ts";
import { createSession, destroySession } from "../session.server.ts";
import { FieldError } from "../components/FieldError.tsx";

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
  const password = typeof form.get("password") === "string" ? String(form.get("password")) : "";
  const repeat = typeof form.get("repeat") === "string" ? String(form.get("repeat")) : "";
  const problem = await passwordProblem(password, [invitation.email, invitation.name, ...invitation.email.split(/[@.]/)]);
  if (problem) return data({ errors: { password: problem } as Record<string, string> }, { status: 400 });
  if (password !== repeat) return data({ errors: { repeat: "De twee wachtwoorden zijn niet gelijk." } as Record<string, string> }, { status: 400 });
  const accepted = await acceptInvitation(context.db, { invitationId: invitation.id, userId: invitation.user_id, passwordHash: await hashPassword(password) });
  if (!accepted) return data({ errors: { form: "Deze uitnodiging is intussen gebruikt." } as Record<string, string> }, { status: 410 });
  const user = (await getUser(context.db, invitation.user_id))!;
  await destroySession(context, request);
  const cookie = await createSession(context, user.id);
  throw redirect(startPathFor({ role: user.role, regionId: user.region_id, municipalityId: user.municipality_id, teamId: user.team_id }), { headers: { "Set-Cookie": cookie } });
}

export default function Invitation() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const errors: Record<string, string> = actionData?.errors ?? {};
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
      <ErrorSummary items={Object.entries(errors).map(([name, message]) => ({ target: name === "form" ? "password" : name, message }))} focusKey={actionData} />
      <Form method="post">
        <input type="text" name="username" autoComplete="username" value={page.email ?? ""} readOnly hidden />
        {(["password", "repeat"] as const).map((name) => (
          <div key={name} className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor={name}>
              {name === "password" ? "Nieuw wachtwoord" : "Nieuw wachtwoord nogmaals"}
            </label>
            <FieldError id={`fout-${name}`} message={errors[name]} />
            <input
              id={name}
              name={name}
              type="password"
              autoComplete="new-password"
              className="utrecht-textbox utrecht-textbox--html-input"
              aria-invalid={errors[name] ? true : undefined}
              aria-describedby={errors[name] ? `fout-${name}` : undefined}
            />
          </div>
        ))}
        <div className="form-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={navigation.state === "submitting"}>
            Wachtwoord instellen en inloggen
          </button>
        </div>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
