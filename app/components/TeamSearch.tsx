import { Form } from "@remix-run/react";

/** Finding teams: in one region or all, by a part of the team's or the municipality's name. */
export function TeamSearch({ regions, regionId, search }: { regions: { id: number; name: string }[]; regionId: number | null; search: string }) {
  return (
    <Form method="get" className="audit-filter">
      <div>
        <label className="utrecht-form-label" htmlFor="regio">
          Regio
        </label>
        <select id="regio" name="regio" className="utrecht-select" defaultValue={regionId ?? "alle"}>
          <option value="alle">Alle regio's</option>
          {regions.map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label className="utrecht-form-label" htmlFor="zoek">
          Zoeken op team of gemeente
        </label>
        <input id="zoek" name="zoek" type="search" className="utrecht-textbox utrecht-textbox--html-input" defaultValue={search} />
      </div>
      <div className="form-actions">
        <button type="submit" className="utrecht-button utrecht-button--secondary-action">
          Tonen
        </button>
      </div>
    </Form>
  );
}
