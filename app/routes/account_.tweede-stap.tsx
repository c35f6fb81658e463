import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { CodeForm, RecoveryCodes, TotpSetupSteps } from "../components/SecondFactor.tsx";
import { secondFactorSettingsSchema } from "../forms/second-factor.ts";
import { requireUser } from "../auth/guards.server.ts";
import { groupedKey, setupQrCode } from "../auth/totp.server.ts";
import { invalid, readForm } from "../http/form.server.ts";
import { audit } from "../models/audit.server.ts";
import { waitText } from "../models/login-throttle.server.ts";
import { removeSecondFactor, secondFactorOf } from "../models/second-factor.server.ts";
import { checkSecondFactor, confirmTotp, newRecoveryCodes, pendingTotpSecret } from "../auth/second-factor.server.ts";

// Setting up, renewing and removing one's own second factor (decision 90). Renewing the recovery codes and
// removing the app ask a current code: a session left open on a shared computer is not enough.

export const meta: MetaFunction = () => [{ title: "Tweede stap bij inloggen – Werken aan veiligheid" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const state = await secondFactorOf(context.db, user.id);
  const required = context.config.secondFactorRoles.includes(user.role);
  if (state.totp) return { ...state, required, setup: null };
  const secret = (await pendingTotpSecret(context, user.id))!;
  return { ...state, required, setup: { qrCode: await setupQrCode(secret, user.email), key: groupedKey(secret) } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const submission = await readForm(request, secondFactorSettingsSchema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  const { code, intent } = submission.data;
  const wrong = (waitMs?: number) =>
    waitMs
      ? invalid({ code: `Te vaak een verkeerde code. Wacht ${waitText(waitMs)} en probeer het dan opnieuw.` }, submission.values, 429)
      : invalid({ code: "Deze code klopt niet. Vul de code in die uw app nu toont." }, submission.values);
  const entry = { actorId: user.id, entity: "user_account", entityId: user.id, address: context.clientAddress };

  if (!(await secondFactorOf(context.db, user.id)).totp) {
    const confirmed = await confirmTotp(context, user.id, code);
    if (!confirmed.ok) return wrong(confirmed.waitMs);
    await audit(context.db, { ...entry, action: "second_factor.added" });
    return { recoveryCodes: await newRecoveryCodes(context, user.id) };
  }
  if (intent === "verwijderen" && context.config.secondFactorRoles.includes(user.role)) {
    return invalid(
      { code: "Voor uw rol is de tweede stap verplicht: u kunt de app vervangen (programma kan hem verwijderen), niet uitzetten." },
      submission.values,
      403,
    );
  }
  const check = await checkSecondFactor(context, user.id, code);
  if (!check.ok) return wrong(check.waitMs);
  if (intent === "verwijderen") {
    await removeSecondFactor(context.db, user.id);
    await audit(context.db, { ...entry, action: "second_factor.removed" });
    throw redirect("/account?tweede-stap=verwijderd");
  }
  await audit(context.db, { ...entry, action: "second_factor.recovery_codes_renewed" });
  return { recoveryCodes: await newRecoveryCodes(context, user.id) };
}

export default function SecondFactorSettings() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const error = result && "errors" in result ? result.errors.code : undefined;
  const removing = result && "values" in result && result.values.intent === "verwijderen";
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title" className="utrecht-heading-1">
        Tweede stap bij inloggen
      </h1>
      <ErrorSummary items={error ? [{ target: removing ? "remove-code" : "code", message: error }] : []} focusKey={result} />
      {result && "recoveryCodes" in result ? (
        <>
          <p className="utrecht-paragraph" role="status">
            Uw authenticator-app is ingesteld. Voortaan vraagt Werken aan veiligheid na uw wachtwoord een code uit de app.
          </p>
          <RecoveryCodes codes={result.recoveryCodes} />
        </>
      ) : page.setup ? (
        <>
          <p className="utrecht-paragraph">
            Met een tweede stap kan niemand met alleen uw wachtwoord bij uw account: na het wachtwoord vraagt Werken aan veiligheid een code die uw
            authenticator-app elke 30 seconden maakt.
          </p>
          <TotpSetupSteps qrCode={page.setup.qrCode} secretKey={page.setup.key} />
          <CodeForm label="Code uit de app" hint="Zes cijfers, zonder spaties." button="Bevestigen" error={error} />
        </>
      ) : (
        <>
          <p className="utrecht-paragraph">
            Aan. U hebt nog {page.recoveryCodesLeft} ongebruikte herstelcodes. Nieuwe herstelcodes maken de oude ongeldig.
            {page.required ? " Voor uw rol is de tweede stap verplicht." : ""}
          </p>
          <h2 className="utrecht-heading-2">Nieuwe herstelcodes</h2>
          <CodeForm
            label="Code uit uw app"
            hint="Zes cijfers: de code die uw app nu toont."
            button="Nieuwe herstelcodes maken"
            error={removing ? undefined : error}
            intent="herstelcodes"
          />
          {page.required ? null : (
            <div className="page-section">
              <h2 className="utrecht-heading-2">App en herstelcodes verwijderen</h2>
              <p className="utrecht-paragraph">U logt daarna weer in met alleen uw wachtwoord.</p>
              <CodeForm
                fieldId="remove-code"
                label="Code uit uw app"
                hint="Zes cijfers, of een herstelcode als u de app niet meer hebt."
                button="Verwijderen"
                error={removing ? error : undefined}
                intent="verwijderen"
              />
            </div>
          )}
        </>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/account">
          Terug naar mijn account
        </Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
