import { Form, useNavigation } from "@remix-run/react";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { FieldError } from "./FieldError.tsx";

/**
 * Choosing a password with a link (an invitation or a password reset). The hidden username field
 * lets a password manager store the new password with the right account.
 */
export function ChoosePasswordForm({
  email,
  errors,
  focusKey,
  submitLabel,
  askSecondFactor = false,
}: {
  email: string;
  errors: Record<string, string>;
  focusKey: unknown;
  submitLabel: string;
  /** A password reset of an account with a second factor: its code is asked too. */
  askSecondFactor?: boolean;
}) {
  const navigation = useNavigation();
  return (
    <>
      <ErrorSummary items={Object.entries(errors).map(([name, message]) => ({ target: name === "form" ? "password" : name, message }))} focusKey={focusKey} />
      <Form method="post">
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
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
        {askSecondFactor ? (
          <div className="utrecht-form-field">
            <label className="utrecht-form-label" htmlFor="code">
              Code uit uw authenticator-app
            </label>
            <p className="field-hint" id="code-hint">
              Zes cijfers, of een van uw herstelcodes als u de app niet bij de hand hebt.
            </p>
            <FieldError id="fout-code" message={errors.code} />
            <input
              id="code"
              name="code"
              type="text"
              autoComplete="one-time-code"
              spellCheck={false}
              autoCapitalize="none"
              className="utrecht-textbox utrecht-textbox--html-input code-input"
              aria-invalid={errors.code ? true : undefined}
              aria-describedby={errors.code ? "code-hint fout-code" : "code-hint"}
            />
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={navigation.state === "submitting"}>
            {submitLabel}
          </button>
        </div>
      </Form>
    </>
  );
}
