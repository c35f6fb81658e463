import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ROLE_LABEL } from "../domain/roles.ts";
import { startPathFor } from "../domain/user.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { CodeForm, RecoveryCodes, TotpSetupSteps } from "../components/SecondFactor.tsx";
import { secondFactorCodeSchema } from "../forms/second-factor.ts";
import { invalid, readForm } from "../http/form.server.ts";
import { currentChallenge, secondStepFor, signIn } from "../auth/second-step.server.ts";
import { groupedKey, setupQrCode } from "../auth/totp.server.ts";
import { getUser } from "../models/user.server.ts";
import { getIdentityProvider } from "../models/identity-providers.server.ts";
import { secondFactorOf } from "../models/second-factor.server.ts";
import { PasskeySignIn } from "../components/Passkeys.tsx";
import { audit } from "../models/audit.server.ts";
import { waitText } from "../models/login-throttle.server.ts";
import { checkSecondFactor, confirmTotp, newRecoveryCodes, pendingTotpSecret } from "../auth/second-factor.server.ts";

// The second step of signing in (decision 90): after the password, a code of the person's authenticator app
// (or a recovery code); or, for a role that must have one and has none yet, setting the app up first.

export const meta: MetaFunction = () => [{ title: "Tweede stap bij inloggen – Werken aan veiligheid" }];

/** The challenge's person, when the challenge is still open and the account active. */
async function challenged(request: Request, context: LoaderFunctionArgs["context"]) {
  const challenge = await currentChallenge(context, request);
  const user = challenge ? await getUser(context.db, challenge.userId) : undefined;
  return challenge && user && !user.disabled_at ? { challenge, user } : null;
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const found = await challenged(request, context);
  // No redirect: after the last step the challenge is gone, and the page still shows the recovery codes.
  if (!found) return { mode: "expired" as const };
  const step = await secondStepFor(context, found.user);
  if (step !== "setup") {
    const state = await secondFactorOf(context.db, found.user.id);
    return { mode: "code" as const, totp: state.totp, passkeys: state.passkeys > 0 };
  }
  const secret = (await pendingTotpSecret(context, found.user.id))!;
  return { mode: "setup" as const, role: ROLE_LABEL[found.user.role], qrCode: await setupQrCode(secret, found.user.email), key: groupedKey(secret) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const found = await challenged(request, context);
  if (!found) throw redirect("/login?stap-verlopen=1");
  const { challenge, user } = found;
  const submission = await readForm(request, secondFactorCodeSchema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  // The first step: a password, or the organisation's provider (decision 91).
  const provider = challenge.identityProviderId ? ((await getIdentityProvider(context.db, challenge.identityProviderId)) ?? null) : null;
  const first = provider ? "organisatie" : "wachtwoord";
  const next = challenge.redirectTo || startPathFor({ role: user.role, regionId: user.region_id, municipalityId: user.municipality_id, teamId: user.team_id });
  const wrong = async (waitMs?: number) => {
    await audit(context.db, { actorId: user.id, action: "login.second_factor_failed", entity: "session", address: context.clientAddress });
    return waitMs
      ? invalid({ code: `Te vaak een verkeerde code. Wacht ${waitText(waitMs)} en probeer het dan opnieuw.` }, submission.values, 429)
      : invalid({ code: "Deze code klopt niet. Vul de code in die uw app nu toont, of een herstelcode die u nog niet gebruikte." }, submission.values);
  };

  if ((await secondStepFor(context, user)) === "setup") {
    const confirmed = await confirmTotp(context, user.id, submission.data.code);
    if (!confirmed.ok) return wrong(confirmed.waitMs);
    const recoveryCodes = await newRecoveryCodes(context, user.id);
    await audit(context.db, { actorId: user.id, action: "second_factor.added", entity: "user_account", entityId: user.id, address: context.clientAddress });
    const cookies = await signIn(context, request, user.id, { method: `${first}+authenticator`, challengeToken: challenge.token, provider });
    if (!cookies) throw redirect("/login?stap-verlopen=1");
    return data({ recoveryCodes, next }, { headers: cookies.map((c) => ["Set-Cookie", c] as [string, string]) });
  }

  const check = await checkSecondFactor(context, user.id, submission.data.code);
  if (!check.ok) return wrong(check.waitMs);
  const cookies = await signIn(context, request, user.id, { method: `${first}+${check.method}`, challengeToken: challenge.token, provider });
  if (!cookies) throw redirect("/login?stap-verlopen=1");
  throw redirect(next, { headers: cookies.map((c) => ["Set-Cookie", c] as [string, string]) });
}

export default function SecondStep() {
  const page = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  if (result && "recoveryCodes" in result) {
    return (
      <section aria-labelledby="step-title">
        <h1 id="step-title" className="utrecht-heading-1">
          Uw authenticator-app is ingesteld
        </h1>
        <p className="utrecht-paragraph">U bent ingelogd. Voortaan vraagt Werken aan veiligheid na uw wachtwoord een code uit de app.</p>
        <RecoveryCodes codes={result.recoveryCodes} />
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={result.next}>
            Ik heb de codes bewaard: verder
          </Link>
        </p>
      </section>
    );
  }
  const error = result && "errors" in result ? result.errors.code : undefined;
  const summary = error ? [{ target: "code", message: error }] : [];
  if (page.mode === "expired") {
    return (
      <section aria-labelledby="step-title">
        <h1 id="step-title" className="utrecht-heading-1">
          Log opnieuw in
        </h1>
        <p className="utrecht-paragraph">De tweede stap bij inloggen duurt hoogstens 10 minuten en is verlopen of al afgerond.</p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/login">
            Naar inloggen
          </Link>
        </p>
      </section>
    );
  }
  return (
    <section aria-labelledby="step-title">
      <h1 id="step-title" className="utrecht-heading-1">
        {page.mode === "setup" ? "Stel de tweede stap bij inloggen in" : page.totp ? "Tweede stap: code uit uw app" : "Tweede stap: uw passkey"}
      </h1>
      <ErrorSummary items={summary} focusKey={result} />
      {page.mode === "setup" ? (
        <>
          <p className="utrecht-paragraph">
            Uw wachtwoord klopt. Voor uw rol ({page.role}) vraagt deze omgeving bij inloggen ook een code uit een authenticator-app. Stel die nu in; het duurt
            een paar minuten.
          </p>
          <TotpSetupSteps qrCode={page.qrCode} secretKey={page.key} />
          <CodeForm label="Code uit de app" hint="Zes cijfers, zonder spaties." button="Bevestigen en inloggen" error={error} />
        </>
      ) : (
        <>
          {page.passkeys ? <PasskeySignIn /> : null}
          <CodeForm
            label="Code"
            hint={
              page.totp
                ? "De zes cijfers die uw authenticator-app nu toont. Hebt u de app niet bij de hand? Vul dan een van uw herstelcodes in."
                : "Kunt u uw passkey niet gebruiken? Vul dan een van uw herstelcodes in."
            }
            button="Inloggen"
            error={error}
          />
        </>
      )}
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/login">
          Terug naar inloggen
        </Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
