import { Form, useRevalidator } from "@remix-run/react";
import { useEffect, useState } from "react";
import { formatDateTime } from "../domain/format.ts";
import { RecoveryCodes } from "./SecondFactor.tsx";

/** Posts a passkey ceremony's step as a form (so the server's form checks apply) and reads its JSON answer. */
async function post(url: string, fields: Record<string, string>): Promise<{ ok: boolean; body: Record<string, unknown> }> {
  const response = await fetch(url, { method: "POST", body: new URLSearchParams(fields), headers: { Accept: "application/json" } });
  return { ok: response.ok, body: (await response.json().catch(() => ({}))) as Record<string, unknown> };
}

/** Whether this browser can use passkeys at all (and runs scripts: the ceremony needs them). */
function usePasskeySupport() {
  const [supported, setSupported] = useState<boolean | null>(null);
  useEffect(() => setSupported(typeof window.PublicKeyCredential === "function"), []);
  return supported;
}

/** The account's passkeys, removing one, and adding one (decision 90). */
export function PasskeySettings({
  passkeys,
  removable,
}: {
  passkeys: { id: number; name: string; created_at: string; last_used_at: string | null }[];
  removable: boolean;
}) {
  const supported = usePasskeySupport();
  const revalidator = useRevalidator();
  const [name, setName] = useState("");
  const [message, setMessage] = useState("");
  const [codes, setCodes] = useState<string[] | null>(null);
  async function add() {
    setMessage("");
    const options = await post("/account/passkeys", { intent: "opties" });
    if (!options.ok) return setMessage(String(options.body.message ?? "Dat lukte niet."));
    try {
      const { startRegistration } = await import("@simplewebauthn/browser");
      const response = await startRegistration({ optionsJSON: options.body as never });
      const done = await post("/account/passkeys", { intent: "antwoord", response: JSON.stringify(response), name });
      if (!done.ok) return setMessage(String(done.body.message ?? "Dat lukte niet."));
      setMessage("De passkey is toegevoegd.");
      setCodes((done.body.recoveryCodes as string[] | null) ?? null);
      setName("");
      revalidator.revalidate();
    } catch {
      setMessage("De passkey is niet toegevoegd: het toevoegen werd afgebroken of dit apparaat kan het niet.");
    }
  }
  return (
    <section aria-labelledby="passkeys" className="page-section">
      <h2 id="passkeys" className="utrecht-heading-2">
        Passkeys
      </h2>
      <p className="utrecht-paragraph">
        Een passkey is een sleutel op uw telefoon, laptop of een beveiligingssleutel: na uw wachtwoord bevestigt u met uw vingerafdruk, gezicht of pincode.
      </p>
      {passkeys.length ? (
        <ul className="utrecht-unordered-list">
          {passkeys.map((p) => (
            <li key={p.id} className="utrecht-unordered-list__item">
              {p.name}, toegevoegd {formatDateTime(p.created_at)}
              {p.last_used_at ? `, laatst gebruikt ${formatDateTime(p.last_used_at)}` : ""}
              {removable ? (
                <Form method="post" className="inline-actions">
                  <input type="hidden" name="passkey" value={p.id} />
                  <button
                    type="submit"
                    name="intent"
                    value="passkey-verwijderen"
                    className="utrecht-button utrecht-button--secondary-action utrecht-button--small"
                  >
                    Verwijderen<span className="visually-hidden"> ({p.name})</span>
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {supported ? (
        <div className="plan-form">
          <label className="utrecht-form-label" htmlFor="passkey-naam">
            Naam van de passkey (mag leeg)
          </label>
          <span className="field-hint" id="passkey-naam-hint">
            Zodat u hem later herkent, bijvoorbeeld ‘Laptop werk’.
          </span>
          <input
            id="passkey-naam"
            className="utrecht-textbox utrecht-textbox--html-input"
            aria-describedby="passkey-naam-hint"
            value={name}
            maxLength={60}
            onChange={(e) => setName(e.target.value)}
          />
          <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => void add()}>
            Passkey toevoegen
          </button>
        </div>
      ) : (
        <p className="utrecht-paragraph">
          {supported === false ? "Deze browser kan geen passkeys gebruiken." : "Een passkey toevoegen kan alleen met JavaScript aan."}
        </p>
      )}
      <p className="utrecht-paragraph" role="status">
        {message}
      </p>
      {codes ? <RecoveryCodes codes={codes} /> : null}
    </section>
  );
}

/** The second step with a passkey: the browser asks the authenticator, the server checks its answer. */
export function PasskeySignIn() {
  const supported = usePasskeySupport();
  const [message, setMessage] = useState("");
  async function signIn() {
    setMessage("");
    const options = await post("/login/passkey", { intent: "opties" });
    if (!options.ok) return setMessage(String(options.body.message ?? "Dat lukte niet."));
    try {
      const { startAuthentication } = await import("@simplewebauthn/browser");
      const response = await startAuthentication({ optionsJSON: options.body as never });
      const done = await post("/login/passkey", { intent: "antwoord", response: JSON.stringify(response) });
      if (done.ok && typeof done.body.next === "string") return window.location.assign(done.body.next);
      setMessage(String(done.body.message ?? "Dat lukte niet."));
    } catch {
      setMessage("Inloggen met de passkey werd afgebroken. Probeer het opnieuw, of gebruik een code.");
    }
  }
  if (!supported) return null;
  return (
    <div className="page-section">
      <button type="button" className="utrecht-button utrecht-button--secondary-action" onClick={() => void signIn()}>
        Inloggen met uw passkey
      </button>
      <p className="utrecht-paragraph" role="status">
        {message}
      </p>
    </div>
  );
}
