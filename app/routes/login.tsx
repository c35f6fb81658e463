import { zodResolver } from "@hookform/resolvers/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { draftCopy } from "../questionnaire/ui/draft-guard.ts";
import { startPathFor } from "../domain/user.ts";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { loginSchema, type LoginValues } from "../forms/login.ts";
import { optionalUser } from "../auth/guards.server.ts";
import { safeRedirectPath } from "../http/http.server.ts";
import { invalid, readForm } from "../http/form.server.ts";
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
  return {
    redirectTo: safeRedirectPath(url.searchParams.get("redirectTo"), ""),
    expired: url.searchParams.get("verlopen") === "1",
    loggedOut: url.searchParams.get("uitgelogd") === "1",
    passwordReset: url.searchParams.get("hersteld") === "1",
    stepExpired: url.searchParams.get("stap-verlopen") === "1",
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readForm(request, loginSchema);
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
  const cookies = (await signIn(context, request, user.id, "wachtwoord"))!;
  throw redirect(redirectTo || startPathFor({ role: user.role, regionId: user.region_id, municipalityId: user.municipality_id, teamId: user.team_id }), {
    headers: cookies.map((c) => ["Set-Cookie", c] as [string, string]),
  });
}

export default function Login() {
  const { redirectTo, expired, loggedOut, passwordReset, stepExpired } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const busy = navigation.state !== "idle" && navigation.formMethod?.toLowerCase() === "post";
  // After logging out, nothing the last person typed stays behind in this tab.
  useEffect(() => {
    if (loggedOut) draftCopy.dropAll();
  }, [loggedOut]);
  const form = useForm<LoginValues>({
    resolver: zodResolver(loginSchema),
    mode: "onTouched",
    defaultValues: { email: actionData?.values.email ?? "", password: "" },
  });
  const clientErrors = form.formState.errors;
  const serverErrors = actionData?.errors ?? {};
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
      {expired ? (
        <div className="notice notice--warn" role="status">
          <p>
            <strong>Uw sessie is verlopen.</strong> Log opnieuw in. U komt terug op de pagina waar u was; antwoorden in een vragenlijst die u had verstuurd,
            zijn bewaard.
          </p>
        </div>
      ) : null}
      {loggedOut ? (
        <div className="notice notice--ok" role="status">
          <p>U bent uitgelogd.</p>
        </div>
      ) : null}
      {stepExpired ? (
        <div className="notice notice--warn" role="status">
          <p>De tweede stap bij inloggen is verlopen of al afgerond. Log opnieuw in.</p>
        </div>
      ) : null}
      {passwordReset ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>Uw wachtwoord is gewijzigd.</strong> U bent overal uitgelogd. Log in met uw nieuwe wachtwoord.
          </p>
        </div>
      ) : null}
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
            defaultValue={actionData?.values.email ?? ""}
            {...form.register("email")}
          />
        </div>
        <div className={`utrecht-form-field utrecht-form-field--text${fieldError("password") ? " utrecht-form-field--invalid" : ""}`}>
          <label className="utrecht-form-label" htmlFor="password">
            Wachtwoord
          </label>
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
            {busy ? "Bezig met inloggen…" : "Inloggen"}
          </button>
          {/* Checking a password takes a moment on purpose; the user sees and hears that it is under way. */}
          <span className="muted" role="status">
            {busy ? "Even geduld: uw gegevens worden gecontroleerd." : ""}
          </span>
        </div>
      </Form>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/wachtwoord-vergeten">
          Wachtwoord vergeten?
        </Link>
      </p>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
