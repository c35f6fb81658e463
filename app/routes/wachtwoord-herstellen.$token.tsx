import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ChoosePasswordForm } from "../components/ChoosePasswordForm.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { newPasswordSchema } from "../forms/account.ts";
import { invalid, readForm } from "../http/form.server.ts";
import { findPasswordReset } from "../models/password-reset.server.ts";
import { setPasswordWithToken } from "../models/user.server.ts";
import { hashPassword } from "../auth/password.server.ts";
import { passwordProblem } from "../auth/password-policy.server.ts";

export const meta: MetaFunction = () => [{ title: "Nieuw wachtwoord kiezen – Werken aan veiligheid" }];

const SPENT = "Deze link is verlopen of al gebruikt. Vraag op de inlogpagina via ‘Wachtwoord vergeten?’ een nieuwe link aan.";

// Public by design: the single-use token in the link is the credential.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const reset = await findPasswordReset(context.db, params.token ?? "");
  return { valid: Boolean(reset), email: reset?.email ?? null };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const reset = await findPasswordReset(context.db, params.token ?? "");
  if (!reset) return invalid({ form: SPENT }, {}, 410);
  const submission = await readForm(request, newPasswordSchema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  const parsed = submission;
  const problem = await passwordProblem(parsed.data.password, [reset.email, reset.name, ...reset.email.split(/[@.]/)]);
  if (problem) return invalid({ password: problem }, submission.values);
  const done = await setPasswordWithToken(context.db, {
    token: { kind: "reset", id: reset.id },
    userId: reset.user_id,
    passwordHash: await hashPassword(parsed.data.password, context.config.passwordHashCost),
    address: context.clientAddress,
  });
  if (!done) return invalid({ form: SPENT }, {}, 410);
  throw redirect("/login?hersteld=1");
}

export default function ResetPassword() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  if (!page.valid) {
    return (
      <section className="login">
        <h1 className="utrecht-heading-1">Link niet geldig</h1>
        <p className="utrecht-paragraph">{SPENT}</p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/wachtwoord-vergeten">
            Nieuwe link aanvragen
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section className="login" aria-labelledby="kies">
      <h1 id="kies" className="utrecht-heading-1">
        Nieuw wachtwoord kiezen
      </h1>
      <p className="utrecht-paragraph">
        Kies een nieuw wachtwoord voor {page.email}: ten minste 12 tekens en niet makkelijk te raden, bijvoorbeeld een zin van vier of meer woorden. Daarna bent
        u op al uw apparaten uitgelogd en logt u in met het nieuwe wachtwoord.
      </p>
      <ChoosePasswordForm email={page.email ?? ""} errors={actionData?.errors ?? {}} focusKey={actionData} submitLabel="Wachtwoord opslaan" />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
