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
import { checkSecondFactor } from "../auth/second-factor.server.ts";
import { secondFactorCodeSchema } from "../forms/second-factor.ts";
import { hasSecondFactor, secondFactorOf } from "../models/second-factor.server.ts";
import { audit } from "../models/audit.server.ts";
import { waitText } from "../models/login-throttle.server.ts";

export const meta: MetaFunction = () => [{ title: "Nieuw wachtwoord kiezen – Werken aan veiligheid" }];

const SPENT = "Deze link is verlopen of al gebruikt. Vraag op de inlogpagina via ‘Wachtwoord vergeten?’ een nieuwe link aan.";

// Public by design: the single-use token in the link is the credential.
export async function loader({ params, context }: LoaderFunctionArgs) {
  const reset = await findPasswordReset(context.db, params.token ?? "");
  // With a second factor, the link alone (a mailbox someone got into) does not give the account away.
  const askCode = reset ? hasSecondFactor(await secondFactorOf(context.db, reset.user_id)) : false;
  return { valid: Boolean(reset), email: reset?.email ?? null, askCode };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const reset = await findPasswordReset(context.db, params.token ?? "");
  if (!reset) return invalid({ form: SPENT }, {}, 410);
  const submission = await readForm(request, newPasswordSchema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  const parsed = submission;
  const problem = await passwordProblem(parsed.data.password, [reset.email, reset.name, ...reset.email.split(/[@.]/)]);
  if (problem) return invalid({ password: problem }, submission.values);
  if (hasSecondFactor(await secondFactorOf(context.db, reset.user_id))) {
    const code = secondFactorCodeSchema.safeParse({ code: submission.form.get("code") ?? "" });
    if (!code.success) return invalid({ code: "Vul de code uit uw authenticator-app in, of een herstelcode." }, submission.values);
    const check = await checkSecondFactor(context, reset.user_id, code.data.code);
    if (!check.ok) {
      await audit(context.db, {
        actorId: reset.user_id,
        action: "password.reset_second_factor_failed",
        entity: "user_account",
        entityId: reset.user_id,
        address: context.clientAddress,
      });
      const message = check.waitMs
        ? `Te vaak een verkeerde code. Wacht ${waitText(check.waitMs)} en probeer het dan opnieuw.`
        : "Deze code klopt niet. Vul de code in die uw app nu toont, of een herstelcode die u nog niet gebruikte.";
      return invalid({ code: message }, submission.values, check.waitMs ? 429 : 400);
    }
  }
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
        {page.askCode ? " Omdat uw account een tweede stap heeft, vragen we ook een code uit uw authenticator-app." : ""}
      </p>
      <ChoosePasswordForm
        email={page.email ?? ""}
        errors={actionData?.errors ?? {}}
        focusKey={actionData}
        submitLabel="Wachtwoord opslaan"
        askSecondFactor={page.askCode}
      />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
