import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { draftCopy } from "../questionnaire/ui/draft-guard.ts";
import { startPathFor } from "../domain/user.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { loginSchema, type LoginValues } from "../forms/login.ts";
import { optionalUser } from "../auth/guards.server.ts";
import { readFormData, safeRedirectPath } from "../http/http.server.ts";
import { beginOrganisationSignIn, organisationForLogin, organisationLogout } from "../auth/oidc.server.ts";
import { providerDomains, type IdentityProvider } from "../models/identity-providers.server.ts";
import { domainOf, isOrganisationRefusal, ORGANISATION_REFUSAL_TEXT } from "../domain/sign-in.ts";
import { LoginLinks, LoginNotices } from "../components/LoginNotices.tsx";
import { invalid } from "../http/form.server.ts";
import { parseForm } from "../forms/submission.ts";
import { findUserByEmail } from "../models/user.server.ts";
import { verifyPassword } from "../auth/password.server.ts";
import { secondStepFor, signIn, startSecondStep } from "../auth/second-step.server.ts";
import { audit } from "../models/audit.server.ts";
import { attemptSucceeded, claimAttempt, loginRules, pause, waitText } from "../models/login-throttle.server.ts";
import { FieldError } from "../components/FieldError.tsx";

export const meta: MetaFunction = () => [{ title: "Inloggen – Werken aan veiligheid" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const user = await optionalUser(request, context);
  if (user) throw redirect(safeRedirectPath(url.searchParams.get("redirectTo"), startPathFor(user)));
  const refusal = url.searchParams.get("organisatie-fout");
  return {
    redirectTo: safeRedirectPath(url.searchParams.get("redirectTo"), ""),
    notices: {
      expired: url.searchParams.get("verlopen") === "1",
      loggedOut: url.searchParams.get("uitgelogd") === "1",
      passwordReset: url.searchParams.get("hersteld") === "1",
      stepExpired: url.searchParams.get("stap-verlopen") === "1",
      organisationRefusal: isOrganisationRefusal(refusal) ? ORGANISATION_REFUSAL_TEXT[refusal] : null,
      organisationLogout: url.searchParams.get("uitgelogd") === "1" ? await organisationLogout(context, url.searchParams.get("organisatie")) : null,
    },
    organisationDomains: await providerDomains(context.db),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await readFormData(request);
  // An address whose organisation has its own provider signs in there (unless it lets passwords in and one was typed).
  const organisation = await organisationForLogin(context, String(form.get("email") ?? ""), String(form.get("password") ?? ""));
  if (organisation) return toOrganisation(context, organisation, form);
  const submission = parseForm(form, loginSchema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  const { data: parsed, values } = submission;
  const redirectTo = safeRedirectPath(values.redirectTo, "");
  const refuse = (message: string, status: number) => invalid({ form: message }, values, status);
  // The throttle counts this attempt before the password is checked, in one atomic step.
  const rules = loginRules(parsed.email, context.clientAddress ?? "onbekend");
  const claim = await claimAttempt(context.db, rules);
  if (!claim.ok) {
    await audit(context.db, { actorId: null, actorLabel: parsed.email, action: "login.throttled", entity: "session", address: context.clientAddress });
    return refuse(`Te veel mislukte inlogpogingen. Wacht ${waitText(claim.waitMs)} en probeer het dan opnieuw.`, 429);
  }
  // An address with many failures gets its answers later (it is never refused: a whole office may share it).
  await pause(claim.delayMs);
  const user = await findUserByEmail(context.db, parsed.email);
  // verifyPassword runs scrypt against a dummy hash when there is no usable one, so every failure takes as long.
  const valid = await verifyPassword(parsed.password, user?.password_hash ?? null, context.config.passwordHashCost);
  if (!user || !valid || user.disabled_at) {
    await audit(context.db, { actorId: user?.id ?? null, actorLabel: parsed.email, action: "login.failed", entity: "session", address: context.clientAddress });
    return refuse("Het e-mailadres of het wachtwoord klopt niet.", 400);
  }
  await attemptSucceeded(context.db, rules);
  // A second factor (the person's own, or one their role must have) comes first: no session yet.
  if (await secondStepFor(context, user)) {
    throw redirect("/login/tweede-stap", { headers: { "Set-Cookie": await startSecondStep(context, user.id, redirectTo) } });
  }
  const cookies = (await signIn(context, request, user.id, { method: "wachtwoord" }))!;
  throw redirect(redirectTo || startPathFor({ role: user.role, regionId: user.region_id, municipalityId: user.municipality_id, teamId: user.team_id }), {
    headers: cookies.map((c) => ["Set-Cookie", c] as [string, string]),
  });
}

/** Not a redirect: the CSP's form-action 'self' stops a form's redirect to another site. The page goes on by itself (JavaScript) or offers the link. */
async function toOrganisation(context: ActionFunctionArgs["context"], provider: IdentityProvider, form: FormData) {
  const email = String(form.get("email"));
  const leaving = await beginOrganisationSignIn(context, provider, email, safeRedirectPath(String(form.get("redirectTo") ?? ""), "")).catch(() => null);
  if (leaving) return data({ organisation: { name: provider.name, url: leaving.url } }, { headers: { "Set-Cookie": leaving.cookie } });
  return invalid(
    { form: `${ORGANISATION_REFUSAL_TEXT.unreachable}${provider.password_allowed ? " U kunt ook met uw wachtwoord inloggen." : ""}` },
    { email },
    503,
  );
}

export default function Login() {
  const { redirectTo, notices, organisationDomains } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  // After logging out, nothing the last person typed stays behind in this tab.
  useEffect(() => {
    if (notices.loggedOut) draftCopy.dropAll();
  }, [notices.loggedOut]);
  const leaving = actionData && "organisation" in actionData ? actionData.organisation : null;
  useEffect(() => {
    if (leaving) window.location.assign(leaving.url);
  }, [leaving]);
  const entered = actionData && "values" in actionData ? actionData.values : undefined;
  // No check in the browser: the server checks the two fields (one round trip, the same messages with or
  // without JavaScript), so the first page of every visit loads no validation library (decision 93).
  const form = useForm<LoginValues>({
    defaultValues: { email: entered?.email ?? "", password: "" },
  });
  const organisation = organisationDomains.find((d) => d.domain === domainOf(form.watch("email") ?? ""));
  const clientErrors = form.formState.errors;
  const serverErrors = actionData && "errors" in actionData ? actionData.errors : {};
  const fieldError = (name: "email" | "password") => clientErrors[name]?.message ?? serverErrors[name];
  const summary = [
    ...(serverErrors.form ? [{ target: "email", message: serverErrors.form, aboutForm: true }] : []),
    ...(["email", "password"] as const).flatMap((name) => {
      const message = fieldError(name);
      return message ? [{ target: name, message }] : [];
    }),
  ];

  return (
    <section className="login" aria-labelledby="login-title">
      <h1 id="login-title" className="utrecht-heading-1">
        Inloggen
      </h1>
      <LoginNotices {...notices} leaving={leaving} />
      <ErrorSummary title={serverErrors.form ? "Inloggen is niet gelukt" : undefined} items={summary} focusKey={actionData} />
      <Form
        method="post"
        noValidate
        onSubmit={(event) => {
          const target = event.currentTarget;
          void form.handleSubmit(() => submit(target, { method: "post" }))(event);
        }}
      >
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <div className={`utrecht-form-field utrecht-form-field--text${fieldError("email") ? " utrecht-form-field--invalid" : ""}`}>
          <label className="utrecht-form-label" htmlFor="email">
            E-mailadres
          </label>
          <FieldError id="email-error" message={fieldError("email")} />
          <input
            id="email"
            type="email"
            autoComplete="username"
            className="utrecht-textbox utrecht-textbox--html-input"
            aria-invalid={fieldError("email") ? true : undefined}
            aria-describedby={fieldError("email") ? "email-error" : undefined}
            defaultValue={entered?.email ?? ""}
            {...form.register("email")}
          />
        </div>
        <div
          className={`utrecht-form-field utrecht-form-field--text${fieldError("password") ? " utrecht-form-field--invalid" : ""}`}
          hidden={Boolean(organisation && !organisation.passwordAllowed)}
        >
          <label className="utrecht-form-label" htmlFor="password">
            Wachtwoord
          </label>
          {organisation?.passwordAllowed ? <p className="field-hint">Of laat dit leeg en log in met uw organisatieaccount.</p> : null}
          <FieldError id="password-error" message={fieldError("password")} />
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            className="utrecht-textbox utrecht-textbox--html-input"
            aria-invalid={fieldError("password") ? true : undefined}
            aria-describedby={fieldError("password") ? "password-error" : undefined}
            {...form.register("password")}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            {busy ? "Bezig met inloggen…" : organisation && !organisation.passwordAllowed ? "Inloggen met uw organisatieaccount" : "Inloggen"}
          </button>
          {/* Checking a password takes a moment on purpose; the user sees and hears that it is under way. */}
          <span className="muted" role="status">
            {busy ? "Even geduld: uw gegevens worden gecontroleerd." : ""}
          </span>
        </div>
      </Form>
      <LoginLinks />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
