import { Form } from "@remix-run/react";
import { FieldError } from "./FieldError.tsx";

/** The code field of the second step and of setting an app up: one field, its error, one button. */
export function CodeForm({
  label,
  hint,
  button,
  error,
  intent,
  fieldId = "code",
}: {
  label: string;
  hint: string;
  button: string;
  error?: string;
  intent?: string;
  /** Another id when the page has a second code form. */
  fieldId?: string;
}) {
  return (
    <Form method="post" noValidate>
      {intent ? <input type="hidden" name="intent" value={intent} /> : null}
      <div className={`utrecht-form-field utrecht-form-field--text${error ? " utrecht-form-field--invalid" : ""}`}>
        <label className="utrecht-form-label" htmlFor={fieldId}>
          {label}
        </label>
        <p className="field-hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
        <FieldError id={`${fieldId}-error`} message={error} />
        <input
          id={fieldId}
          name="code"
          type="text"
          inputMode="text"
          autoComplete="one-time-code"
          spellCheck={false}
          autoCapitalize="none"
          className="utrecht-textbox utrecht-textbox--html-input code-input"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className={`utrecht-button ${intent === "verwijderen" ? "utrecht-button--secondary-action" : "utrecht-button--primary-action"}`}>
          {button}
        </button>
      </div>
    </Form>
  );
}

/** Setting up an authenticator app: the QR code to scan, and the key as text for who cannot scan. */
export function TotpSetupSteps({ qrCode, secretKey }: { qrCode: string; secretKey: string }) {
  return (
    <ol className="utrecht-ordered-list">
      <li className="utrecht-ordered-list__item">
        Open een authenticator-app op uw telefoon of computer (bijvoorbeeld Microsoft Authenticator, Google Authenticator of FreeOTP) en kies &lsquo;Account
        toevoegen&rsquo;.
      </li>
      <li className="utrecht-ordered-list__item">
        Scan deze QR-code:
        <img className="qr-code" src={qrCode} width={200} height={200} alt="QR-code voor uw authenticator-app (de sleutel staat hieronder als tekst)" />
        Of typ de sleutel over: <code className="secret-key">{secretKey}</code>
      </li>
      <li className="utrecht-ordered-list__item">Vul hieronder de code van zes cijfers in die de app daarna toont.</li>
    </ol>
  );
}

/** Recovery codes, shown once: each works one time when the app is not at hand. */
export function RecoveryCodes({ codes }: { codes: string[] }) {
  return (
    <div className="notice notice--warn">
      <h2 className="utrecht-heading-2">Uw herstelcodes</h2>
      <p className="utrecht-paragraph">
        Bewaar deze codes op een veilige plek, bijvoorbeeld afgedrukt of in een wachtwoordkluis. Hebt u uw app niet bij de hand, dan logt u met één ervan in;
        elke code werkt één keer. U ziet ze alleen nu.
      </p>
      <ul className="recovery-codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ul>
    </div>
  );
}
