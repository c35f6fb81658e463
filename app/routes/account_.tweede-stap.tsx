import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { CodeForm, RecoveryCodes, TotpSetupSteps } from "../components/SecondFactor.tsx";
import { secondFactorSettingsSchema } from "../forms/second-factor.ts";
import { requireUser } from "../auth/guards.server.ts";
import { mustHaveSecondFactor } from "../domain/policy.ts";
import { groupedKey, setupQrCode } from "../auth/totp.server.ts";
import { invalid } from "../http/form.server.ts";
import { notFound, parseId, readFormData } from "../http/http.server.ts";
import { parseForm } from "../forms/submission.ts";
import { listPasskeys, removePasskey } from "../models/passkeys.server.ts";
import { PasskeySettings } from "../components/Passkeys.tsx";
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
  const required = mustHaveSecondFactor(context.config.secondFactorRoles, user.role);
  const passkeys = await listPasskeys(context.db, user.id);
  if (state.totp) return { ...state, required, passkeyList: passkeys, setup: null };
  const secret = (await pendingTotpSecret(context, user.id))!;
  return { ...state, required, passkeyList: passkeys, setup: { qrCode: await setupQrCode(secret, user.email), key: groupedKey(secret) } };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await readFormData(request);
  const required = mustHaveSecondFactor(context.config.secondFactorRoles, user.role);
  if (form.get("intent") === "passkey-verwijderen") {
    const state = await secondFactorOf(context.db, user.id);
    // A role that must have a second step keeps at least one.
    if (required && !state.totp && state.passkeys <= 1)
      return invalid({ form: "Voor uw rol is de tweede stap verplicht: voeg eerst een andere toe." }, {}, 403);
    if (!(await removePasskey(context.db, user.id, parseId(String(form.get("passkey") ?? ""))))) notFound();
    await audit(context.db, { actorId: user.id, action: "second_factor.passkey_removed", entity: "user_account", entityId: user.id });
    throw redirect("/account/tweede-stap");
  }
  const submission = parseForm(form, secondFactorSettingsSchema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  const { code, intent } = submission.data;
  const wrong = (waitMs?: number) =>
    waitMs
      ? invalid({ code: `Te vaak een verkeerde code. Wacht ${waitText(waitMs)} en probeer het dan opnieuw.` }, submission.values, 429)
      : invalid({ code: "Deze code klopt niet. Vul de code in die uw app nu toont." }, submission.values);
  const entry = { actorId: user.id, entity: "user_account", entityId: user.id, address: context.clientAddress };

  if (!intent) {
    const confirmed = await confirmTotp(context, user.id, code);
    if (!confirmed.ok) return wrong(confirmed.waitMs);
    await audit(context.db, { ...entry, action: "second_factor.added" });
    return {
      recoveryCodes: await newRecoveryCodes(context, user.id),
      done: "Uw authenticator-app is ingesteld. Voortaan vraagt Werken aan veiligheid na uw wachtwoord een code.",
    };
  }
  if (intent === "verwijderen" && required) {
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
  return { recoveryCodes: await newRecoveryCodes(context, user.id), done: "Nieuwe herstelcodes gemaakt: de oude werken niet meer." };
}

export default function SecondFactorSettings() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors: Record<string, string | undefined> = result && "errors" in result ? result.errors : {};
  const removing = result && "values" in result && result.values.intent === "verwijderen";
  const anyFactor = page.totp || page.passkeys > 0;
  const summary = [
    ...(errors.code ? [{ target: removing ? "remove-code" : "code", message: errors.code }] : []),
    ...(errors.form ? [{ target: "passkeys", message: errors.form, aboutForm: true }] : []),
  ];
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title" className="utrecht-heading-1">
        Tweede stap bij inloggen
      </h1>
      <ErrorSummary items={summary} focusKey={result} />
      <p className="utrecht-paragraph">
        Met een tweede stap kan niemand met alleen uw wachtwoord bij uw account: na het wachtwoord vraagt Werken aan veiligheid een code uit uw
        authenticator-app of uw passkey.{page.required ? " Voor uw rol is de tweede stap verplicht." : ""}
      </p>
      {result && "recoveryCodes" in result ? (
        <>
          <p className="utrecht-paragraph" role="status">
            {result.done}
          </p>
          <RecoveryCodes codes={result.recoveryCodes} />
        </>
      ) : null}
      <h2 className="utrecht-heading-2">Authenticator-app</h2>
      {page.setup ? (
        <>
          <TotpSetupSteps qrCode={page.setup.qrCode} secretKey={page.setup.key} />
          <CodeForm label="Code uit de app" hint="Zes cijfers, zonder spaties." button="Bevestigen" error={removing ? undefined : errors.code} />
        </>
      ) : (
        <p className="utrecht-paragraph">Ingesteld.</p>
      )}
      <PasskeySettings passkeys={page.passkeyList} removable={!page.required || page.totp || page.passkeys > 1} />
      {anyFactor ? (
        <>
          <h2 className="utrecht-heading-2">Herstelcodes</h2>
          <p className="utrecht-paragraph">U hebt nog {page.recoveryCodesLeft} ongebruikte herstelcodes. Nieuwe herstelcodes maken de oude ongeldig.</p>
          <CodeForm
            fieldId={page.setup ? "renew-code" : "code"}
            label="Code uit uw app, of een herstelcode"
            hint="Zes cijfers: de code die uw app nu toont."
            button="Nieuwe herstelcodes maken"
            error={removing || page.setup ? undefined : errors.code}
            intent="herstelcodes"
          />
        </>
      ) : null}
      {anyFactor && !page.required ? (
        <div className="page-section">
          <h2 className="utrecht-heading-2">Tweede stap uitzetten</h2>
          <p className="utrecht-paragraph">Verwijdert de app, de passkeys en de herstelcodes: u logt daarna weer in met alleen uw wachtwoord.</p>
          <CodeForm
            fieldId="remove-code"
            label="Code uit uw app, of een herstelcode"
            hint="Zes cijfers, of een herstelcode."
            button="Verwijderen"
            error={removing ? errors.code : undefined}
            intent="verwijderen"
          />
        </div>
      ) : null}
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
