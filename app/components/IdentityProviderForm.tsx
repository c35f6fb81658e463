import { Form } from "@remix-run/react";
import { FieldError } from "./FieldError.tsx";

/** Registering an organisation's OpenID Provider: what to give the provider, and what it gave. */
export function IdentityProviderForm({
  regions,
  municipalities,
  redirectUri,
  logoutUri,
  values: v,
  errors,
}: {
  regions: { id: number; name: string }[];
  municipalities: { id: number; name: string }[];
  redirectUri: string;
  logoutUri: string;
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
}) {
  const field = (name: string, label: string, hint?: string) => (
    <>
      <label className="utrecht-form-label" htmlFor={`veld-${name}`}>
        {label}
      </label>
      {hint ? (
        <span className="field-hint" id={`hint-${name}`}>
          {hint}
        </span>
      ) : null}
      <FieldError id={`fout-${name}`} message={errors[name]} />
    </>
  );
  const describedBy = (name: string, hint: boolean) => [hint ? `hint-${name}` : "", errors[name] ? `fout-${name}` : ""].filter(Boolean).join(" ") || undefined;
  const text = (name: string, label: string, hint?: string, type = "text") => (
    <>
      {field(name, label, hint)}
      <input
        id={`veld-${name}`}
        name={name}
        type={type}
        autoComplete="off"
        className="utrecht-textbox utrecht-textbox--html-input"
        defaultValue={type === "password" ? "" : (v[name] ?? "")}
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={describedBy(name, Boolean(hint))}
      />
    </>
  );
  return (
    <section aria-labelledby="nieuwe-dienst" className="page-section">
      <h2 id="nieuwe-dienst" className="utrecht-heading-2">
        Inlogdienst toevoegen
      </h2>
      <p className="utrecht-paragraph">
        Registreer deze omgeving eerst bij de provider van de organisatie als webtoepassing, met als redirect-URI <code>{redirectUri}</code> en als uitlog-URI{" "}
        <code>{logoutUri}</code>, de scopes <code>openid email profile</code>, en een bevestigd e-mailadres in het ID-token (claims <code>email</code> en{" "}
        <code>email_verified</code>).
      </p>
      <Form method="post" className="plan-form">
        {text("name", "Naam", "Zoals de inlogpagina en het auditlog hem noemen, bijvoorbeeld ‘Gemeente Zaanstad’.")}
        {field("organisation", "Voor wie", "Alleen accounts van deze organisatie (en, bij een gemeente of regio, wat eronder valt) loggen ermee in.")}
        <select
          id="veld-organisation"
          name="organisation"
          className="utrecht-select"
          defaultValue={v.organisation ?? "programma"}
          aria-describedby={describedBy("organisation", true)}
        >
          <option value="programma">Programma (landelijk)</option>
          <optgroup label="Regio's">
            {regions.map((r) => (
              <option key={r.id} value={`regio:${r.id}`}>
                Regio {r.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Gemeenten">
            {municipalities.map((m) => (
              <option key={m.id} value={`gemeente:${m.id}`}>
                Gemeente {m.name}
              </option>
            ))}
          </optgroup>
        </select>
        {text("issuer", "Uitgever (issuer)", "Bijvoorbeeld https://login.microsoftonline.com/<tenant-id>/v2.0 of https://sso.gemeente.nl/realms/medewerkers.")}
        {text("clientId", "Client-id")}
        {text(
          "secret",
          "Client-secret (wordt versleuteld opgeslagen en niet meer getoond)",
          "Of laat leeg en noem hieronder een ingesteld geheim.",
          "password",
        )}
        {text("secretName", "Of: naam van een ingesteld geheim", "Voor OIDC_SECRET_ZAANSTAD in de configuratie van de server: ZAANSTAD.")}
        {text("domains", "E-maildomeinen", "Gescheiden door komma's, bijvoorbeeld zaanstad.nl, wijkteamszaanstad.nl.")}
        <label className="question__option">
          <input type="checkbox" name="passwordAllowed" value="ja" defaultChecked={v.passwordAllowed === "ja"} /> Inloggen met wachtwoord blijft ook mogelijk
          voor deze domeinen
        </label>
        <div className="form-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            Inlogdienst toevoegen
          </button>
        </div>
      </Form>
    </section>
  );
}
