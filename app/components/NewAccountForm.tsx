import { Form } from "@remix-run/react";
import type { Role } from "../../db/schema.ts";
import { ROLE_LABEL } from "../domain/roles.ts";
import { FieldError } from "./FieldError.tsx";

/** The roles and scopes a manager may give a new account (app/models/accounts.server.ts scopesFor). */
export interface AssignableScopes {
  roles: Role[];
  regions: { id: number; name: string }[];
  municipalities: { id: number; name: string }[];
  teams: { id: number; name: string; municipality_name: string }[];
}

/** Creating an account with its role and scope; the new account gets an invitation link. */
export function NewAccountForm({
  scopes,
  values: v,
  errors,
  formKey,
  busy,
}: {
  scopes: AssignableScopes;
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  /** A new form after each account made: with JavaScript too, the fields are empty again. */
  formKey: string;
  busy: boolean;
}) {
  const err = (name: string) => <FieldError id={`fout-${name}`} message={errors[name]} />;
  return (
    <section aria-labelledby="nieuw-account" className="page-section">
      <h2 id="nieuw-account" className="utrecht-heading-2">
        Account aanmaken
      </h2>
      <Form method="post" className="plan-form" key={formKey}>
        <input type="hidden" name="intent" value="create" />
        <label className="utrecht-form-label" htmlFor="veld-name">
          Naam
        </label>
        {err("name")}
        <input id="veld-name" name="name" className="utrecht-textbox utrecht-textbox--html-input" defaultValue={v.name ?? ""} />
        <label className="utrecht-form-label" htmlFor="veld-email">
          E-mailadres
        </label>
        {err("email")}
        <input id="veld-email" name="email" type="email" className="utrecht-textbox utrecht-textbox--html-input" defaultValue={v.email ?? ""} />
        <label className="utrecht-form-label" htmlFor="veld-role">
          Rol
        </label>
        {err("role")}
        <select id="veld-role" name="role" className="utrecht-select" defaultValue={v.role ?? scopes.roles[0]}>
          {scopes.roles.map((r) => (
            <option key={r} value={r}>
              {ROLE_LABEL[r]}
            </option>
          ))}
        </select>
        <label className="utrecht-form-label" htmlFor="veld-scope">
          Voor welke regio, gemeente of welk team (niet bij programma)
        </label>
        {err("scope")}
        <select id="veld-scope" name="scope" className="utrecht-select" defaultValue={v.scope ?? ""}>
          <option value="">Kies</option>
          {scopes.regions.length ? (
            <optgroup label="Regio's (rol regio of Veilig Thuis)">
              {scopes.regions.map((r) => (
                <option key={`r${r.id}`} value={r.id}>
                  {r.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {scopes.municipalities.length ? (
            <optgroup label="Gemeenten (rol gemeente)">
              {scopes.municipalities.map((m) => (
                <option key={`m${m.id}`} value={m.id}>
                  {m.name}
                </option>
              ))}
            </optgroup>
          ) : null}
          {scopes.teams.length ? (
            <optgroup label="Teams (rol teammanager)">
              {scopes.teams.map((t) => (
                <option key={`t${t.id}`} value={t.id}>
                  {t.name} ({t.municipality_name})
                </option>
              ))}
            </optgroup>
          ) : null}
        </select>
        <div className="form-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            Account aanmaken en uitnodigen
          </button>
        </div>
      </Form>
    </section>
  );
}
