import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { ROLE_LABEL } from "../domain/roles.ts";
import { ChangePasswordForm } from "../components/ChangePasswordForm.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { changePasswordSchema } from "../forms/account.ts";
import { requireUser } from "../auth/guards.server.ts";
import { readFormData } from "../http/http.server.ts";
import { invalid } from "../http/form.server.ts";
import { parseForm } from "../forms/submission.ts";
import { getUser, setPasswordHash } from "../models/user.server.ts";
import { setMailNotifications } from "../models/notifications.server.ts";
import { secondFactorOf } from "../models/second-factor.server.ts";
import { audit } from "../models/audit.server.ts";
import { hashPassword, verifyPassword } from "../auth/password.server.ts";
import { passwordProblem } from "../auth/password-policy.server.ts";
import { clearSessionCookie, destroyAllSessions } from "../auth/session.server.ts";
import { attemptSucceeded, claimAttempt, PASSWORD_CHECK_FREE_FAILURES, passwordCheckKey, waitText } from "../models/login-throttle.server.ts";

export const meta: MetaFunction = () => [{ title: "Mijn account – Werken aan veiligheid" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const url = new URL(request.url);
  const account = (await getUser(context.db, user.id))!;
  const secondFactor = await secondFactorOf(context.db, user.id);
  return {
    secondFactor,
    secondFactorRemoved: url.searchParams.get("tweede-stap") === "verwijderd",
    name: user.name,
    email: user.email,
    role: ROLE_LABEL[user.role],
    mail: account.mail_notifications === 1,
    changed: url.searchParams.has("gewijzigd"),
    mailChanged: url.searchParams.has("meldingen"),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const form = await readFormData(request);
  if (form.get("intent") === "mail") {
    const on = form.get("mail") === "aan";
    await setMailNotifications(context.db, user.id, on);
    await audit(context.db, {
      actorId: user.id,
      action: "account.mail_notifications",
      entity: "user_account",
      entityId: user.id,
      changes: { mail_notifications: [!on, on] },
    });
    throw redirect("/account?meldingen=1");
  }
  if (form.get("intent") === "logout-everywhere") {
    await destroyAllSessions(context, user.id);
    await audit(context.db, { actorId: user.id, action: "logout.everywhere", entity: "session", address: context.clientAddress });
    throw redirect("/login?uitgelogd=1", { headers: { "Set-Cookie": clearSessionCookie(context) } });
  }
  const submission = parseForm(form, changePasswordSchema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  const parsed = submission;
  const account = (await getUser(context.db, user.id))!;
  // Guessing the current password (with a session left open) is throttled like a login.
  const rules = [{ key: passwordCheckKey(user.id), free: PASSWORD_CHECK_FREE_FAILURES }];
  const claim = await claimAttempt(context.db, rules);
  if (!claim.ok) {
    await audit(context.db, {
      actorId: user.id,
      action: "password.check_throttled",
      entity: "user_account",
      entityId: user.id,
      address: context.clientAddress,
    });
    return invalid({ current: `Te vaak een verkeerd huidig wachtwoord. Wacht ${waitText(claim.waitMs)} en probeer het dan opnieuw.` }, submission.values, 429);
  }
  if (!(await verifyPassword(parsed.data.current, account.password_hash, context.config.passwordHashCost))) {
    await audit(context.db, { actorId: user.id, action: "password.check_failed", entity: "user_account", entityId: user.id, address: context.clientAddress });
    return invalid({ current: "Uw huidige wachtwoord klopt niet." }, submission.values);
  }
  await attemptSucceeded(context.db, rules);
  const problem = await passwordProblem(parsed.data.next, [user.email, user.name, ...user.email.split(/[@.]/)]);
  if (problem) return invalid({ next: problem }, submission.values);
  await setPasswordHash(context.db, user.id, await hashPassword(parsed.data.next, context.config.passwordHashCost));
  // A changed password ends every other session: whoever knew the old one is out.
  await destroyAllSessions(context, user.id, request);
  throw redirect("/account?gewijzigd=1");
}

export default function Account() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1 className="utrecht-heading-1">Mijn account</h1>
      <p className="utrecht-paragraph lead">
        {page.name} · {page.email} · {page.role}
      </p>
      {page.changed && !actionData ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>Uw wachtwoord is gewijzigd.</strong> Andere sessies met uw account zijn beëindigd.
          </p>
        </div>
      ) : null}
      <ChangePasswordForm errors={actionData?.errors} focusKey={actionData} />
      <section aria-labelledby="tweede-stap" className="page-section">
        <h2 id="tweede-stap" className="utrecht-heading-2">
          Tweede stap bij inloggen
        </h2>
        {page.secondFactorRemoved ? (
          <div className="notice notice--ok" role="status">
            <p>Uw authenticator-app en herstelcodes zijn verwijderd.</p>
          </div>
        ) : null}
        <p className="utrecht-paragraph">
          {page.secondFactor.totp
            ? `Aan: na uw wachtwoord vraagt Werken aan veiligheid een code uit uw authenticator-app. U hebt nog ${page.secondFactor.recoveryCodesLeft} ongebruikte herstelcodes.`
            : "Uit: u logt in met alleen uw wachtwoord. Met een authenticator-app op uw telefoon kan niemand met alleen uw wachtwoord bij uw account."}
        </p>
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to="/account/tweede-stap">
            {page.secondFactor.totp ? "Herstelcodes of app beheren" : "Authenticator-app instellen"}
          </Link>
        </p>
      </section>
      <section aria-labelledby="meldingen-mail" className="page-section">
        <h2 id="meldingen-mail" className="utrecht-heading-2">
          Meldingen per e-mail
        </h2>
        {page.mailChanged && !actionData ? (
          <div className="notice notice--ok" role="status">
            <p>Uw keuze is opgeslagen.</p>
          </div>
        ) : null}
        <p className="utrecht-paragraph">
          Op uw startpagina ziet u altijd uw meldingen (zoals een ingediende of teruggestuurde zelfscan, of een nieuwe fase van de regio). U kunt ze ook per
          e-mail krijgen. Een e-mail bevat nooit antwoorden, alleen wat er gebeurde en een link.
        </p>
        <Form method="post">
          <input type="hidden" name="intent" value="mail" />
          <fieldset className="question">
            <legend className="question__legend">Meldingen per e-mail</legend>
            <label className="question__option">
              <input type="radio" name="mail" value="aan" defaultChecked={page.mail} /> Ja, stuur mij meldingen per e-mail
            </label>
            <label className="question__option">
              <input type="radio" name="mail" value="uit" defaultChecked={!page.mail} /> Nee, alleen op mijn startpagina
            </label>
          </fieldset>
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            Opslaan
          </button>
        </Form>
      </section>

      <section aria-labelledby="overal" className="page-section">
        <h2 id="overal" className="utrecht-heading-2">
          Overal uitloggen
        </h2>
        <p className="utrecht-paragraph">Beëindigt al uw sessies, op elk apparaat, ook deze.</p>
        <Form method="post">
          <input type="hidden" name="intent" value="logout-everywhere" />
          <button type="submit" className="utrecht-button utrecht-button--secondary-action">
            Overal uitloggen
          </button>
        </Form>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
