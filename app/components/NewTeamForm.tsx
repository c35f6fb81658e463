import { Form } from "@remix-run/react";
import { TEAM_KIND_LABEL, TEAM_KINDS } from "../domain/roles.ts";

/** Adding a team to one of the listed municipalities. */
export function NewTeamForm({ municipalities, busy }: { municipalities: { id: number; name: string }[]; busy: boolean }) {
  return (
    <section aria-labelledby="team-toevoegen" className="page-section">
      <h2 id="team-toevoegen" className="utrecht-heading-2">
        Team toevoegen
      </h2>
      <Form method="post" className="plan-form">
        <input type="hidden" name="intent" value="add" />
        <label className="utrecht-form-label" htmlFor="nieuw-gemeente">
          Gemeente
        </label>
        <select id="nieuw-gemeente" name="municipality" className="utrecht-select">
          {municipalities.map((m) => (
            <option key={m.id} value={m.id}>
              {m.name}
            </option>
          ))}
        </select>
        <label className="utrecht-form-label" htmlFor="nieuw-naam">
          Naam van het team
        </label>
        <input id="nieuw-naam" name="name" className="utrecht-textbox utrecht-textbox--html-input" />
        <label className="utrecht-form-label" htmlFor="nieuw-soort">
          Soort team
        </label>
        <select id="nieuw-soort" name="kind" className="utrecht-select" defaultValue="wijkteam">
          {TEAM_KINDS.map((k) => (
            <option key={k} value={k}>
              {TEAM_KIND_LABEL[k]}
            </option>
          ))}
        </select>
        <div className="form-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
            Team toevoegen
          </button>
        </div>
      </Form>
    </section>
  );
}
