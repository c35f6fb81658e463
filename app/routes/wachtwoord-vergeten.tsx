import { zodResolver } from "@hookform/resolvers/zod";
import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSubmit } from "@remix-run/react";
import { useForm } from "react-hook-form";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { FieldError } from "../components/FieldError.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { forgotPasswordSchema, RESET_VALID_MINUTES } from "../forms/account.ts";
import { invalid, readForm } from "../http/form.server.ts";
import { requestPasswordReset } from "../models/password-reset.server.ts";
import { pause } from "../models/login-throttle.server.ts";

export const meta: MetaFunction = () => [{ title: "Wachtwoord vergeten – Werken aan veiligheid" }];

// Public: anyone may ask. The answer is the same whether the address is known or not.
export async function loader({ request }: LoaderFunctionArgs) {
  return { sent: new URL(request.url).searchParams.has("verstuurd") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const submission = await readForm(request, forgotPasswordSchema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  const { delayMs } = await requestPasswordReset(context.db, {
    email: submission.data.email,
    address: context.clientAddress ?? "onbekend",
    origin: context.config.publicOrigin,
  });
  await pause(delayMs);
  throw redirect("/wachtwoord-vergeten?verstuurd=1");
}

export default function ForgotPassword() {
  const { sent } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const submit = useSubmit();
  const form = useForm<{ email: string }>({
    resolver: zodResolver(forgotPasswordSchema),
    mode: "onTouched",
    defaultValues: { email: actionData?.values.email ?? "" },
  });
  const error = form.formState.errors.email?.message ?? actionData?.errors.email;
  return (
    <section className="login" aria-labelledby="vergeten">
      <h1 id="vergeten" className="utrecht-heading-1">
        Wachtwoord vergeten
      </h1>
      {sent ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>Als dit adres bij ons bekend is, ontvangt u een e-mail</strong> met een link om een nieuw wachtwoord te kiezen. De link is{" "}
            {RESET_VALID_MINUTES} minuten geldig. Geen e-mail gekregen? Kijk ook bij ongewenste post, of vraag uw beheerder (uw gemeente, regio of het
            programma) om een nieuwe link.
          </p>
        </div>
      ) : (
        <p className="utrecht-paragraph">Vul het e-mailadres van uw account in. U krijgt dan een e-mail met een link om een nieuw wachtwoord te kiezen.</p>
      )}
      <ErrorSummary items={error ? [{ target: "email", message: error }] : []} focusKey={actionData} />
      <Form
        method="post"
        noValidate
        onSubmit={(event) => {
          const target = event.currentTarget;
          void form.handleSubmit(() => submit(target, { method: "post" }))(event);
        }}
      >
        <div className={`utrecht-form-field utrecht-form-field--text${error ? " utrecht-form-field--invalid" : ""}`}>
          <label className="utrecht-form-label" htmlFor="email">
            E-mailadres
          </label>
          <FieldError id="email-error" message={error} />
          <input
            id="email"
            type="email"
            autoComplete="username"
            className="utrecht-textbox utrecht-textbox--html-input"
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? "email-error" : undefined}
            {...form.register("email")}
          />
        </div>
        <div className="form-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={navigation.state === "submitting"}>
            Stuur mij een link
          </button>
        </div>
      </Form>
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
