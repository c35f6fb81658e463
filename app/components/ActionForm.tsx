import { Form, Link } from "@remix-run/react";
import { dutchDate } from "../forms/dates.ts";
import { ACTION_STATUS_LABEL, ACTION_STATUSES } from "../domain/plan.ts";
import { DateInput } from "./DateInput.tsx";
import { FieldError } from "./FieldError.tsx";

/** The fields of an improvement action: its theme, the region's improvement point it answers, what, who, when, status. */
export function ActionForm({
  themes,
  points,
  teams,
  values: v,
  errors,
  busy,
  correcting,
}: {
  themes: { key: string; title: string }[];
  points: { id: number; theme_key: string; text: string }[];
  teams: { id: number; name: string }[];
  values: Record<string, string | undefined>;
  errors: Record<string, string | undefined>;
  busy: boolean;
  /** Correcting an existing action (its id and where "Annuleren" goes) rather than adding one. */
  correcting?: { actionId: number; cancelHref: string };
}) {
  const err = (name: string) => <FieldError id={`fout-${name}`} message={errors[name]} />;
  return (
    <Form method="post" className="plan-form">
      <input type="hidden" name="intent" value={correcting ? "correct" : "add"} />
      {correcting ? <input type="hidden" name="action" value={correcting.actionId} /> : null}
      <label className="utrecht-form-label" htmlFor="veld-theme">
        Thema van het kwaliteitskader
      </label>
      {err("theme")}
      <select id="veld-theme" name="theme" className="utrecht-select" defaultValue={v.theme ?? ""}>
        <option value="">Kies een thema</option>
        {themes.map((t) => (
          <option key={t.key} value={t.key}>
            {t.key}. {t.title}
          </option>
        ))}
      </select>
      <label className="utrecht-form-label" htmlFor="veld-point">
        Verbeterpunt uit de bevindingen van de regio (niet verplicht)
      </label>
      {err("point")}
      <select id="veld-point" name="point" className="utrecht-select" defaultValue={v.point ?? ""}>
        <option value="">Geen</option>
        {points.map((p) => (
          <option key={p.id} value={p.id}>
            {p.theme_key}: {p.text}
          </option>
        ))}
      </select>
      <label className="utrecht-form-label" htmlFor="veld-title">
        Actie
      </label>
      {err("title")}
      <input id="veld-title" name="title" className="utrecht-textbox utrecht-textbox--html-input" defaultValue={v.title ?? ""} maxLength={300} />
      <label className="utrecht-form-label" htmlFor="veld-ownerTeam">
        Eigenaar: een team
      </label>
      {err("ownerTeam")}
      <select id="veld-ownerTeam" name="ownerTeam" className="utrecht-select" defaultValue={v.ownerTeam ?? ""}>
        <option value="">Geen team</option>
        {teams.map((t) => (
          <option key={t.id} value={t.id}>
            {t.name}
          </option>
        ))}
      </select>
      <label className="utrecht-form-label" htmlFor="veld-ownerName">
        of de naam van de eigenaar
      </label>
      {err("ownerName")}
      <input id="veld-ownerName" name="ownerName" className="utrecht-textbox utrecht-textbox--html-input" defaultValue={v.ownerName ?? ""} maxLength={120} />
      <label className="utrecht-form-label" htmlFor="veld-due">
        Gereed op
      </label>
      {err("due")}
      <DateInput id="veld-due" name="due" defaultValue={v.due} errorId={errors.due ? "fout-due" : undefined} />
      <label className="utrecht-form-label" htmlFor="veld-status">
        Status
      </label>
      {err("status")}
      <select id="veld-status" name="status" className="utrecht-select" defaultValue={v.status ?? "planned"}>
        {ACTION_STATUSES.map((s) => (
          <option key={s} value={s}>
            {ACTION_STATUS_LABEL[s]}
          </option>
        ))}
      </select>
      <div className="form-actions">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          {correcting ? "Wijziging opslaan" : "Actie toevoegen"}
        </button>
        {correcting ? (
          <Link className="utrecht-link" to={correcting.cancelHref}>
            Annuleren
          </Link>
        ) : null}
      </div>
    </Form>
  );
}

/** An action's stored values as the form shows them. */
export function actionFormValues(a: {
  theme_key: string;
  improvement_point_id: number | null;
  title: string;
  owner_team_id: number | null;
  owner_name: string | null;
  due_on: string;
  status: string;
}) {
  return {
    theme: a.theme_key,
    point: a.improvement_point_id ? String(a.improvement_point_id) : "",
    title: a.title,
    ownerTeam: a.owner_team_id ? String(a.owner_team_id) : "",
    ownerName: a.owner_name ?? "",
    due: dutchDate(a.due_on),
    status: a.status,
  };
}
