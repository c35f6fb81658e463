import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { formatDateTime } from "../domain/format.ts";
import { requireRole } from "../auth/guards.server.ts";
import { auditActions, listAudit } from "../models/audit.server.ts";
import { isIsoDate } from "../forms/dates.ts";
import { DataTable } from "../components/DataTable.tsx";

export const meta: MetaFunction = () => [{ title: "Auditlog – Werken aan veiligheid" }];

const PAGE_SIZE = 100;
const dateOrEmpty = (v: string | null) => (v && isIsoDate(v) ? v : "");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const params = new URL(request.url).searchParams;
  const page = Math.max(1, Math.min(10_000, Number(params.get("pagina")) || 1));
  const filter = {
    actorEmail: (params.get("wie") ?? "").slice(0, 254),
    action: (params.get("handeling") ?? "").slice(0, 100),
    from: dateOrEmpty(params.get("van")),
    to: dateOrEmpty(params.get("tot")),
  };
  const rows = await listAudit(context.db, {
    actorEmail: filter.actorEmail || undefined,
    action: filter.action || undefined,
    from: filter.from || undefined,
    to: filter.to ? `${filter.to}T23:59:59.999Z` : undefined,
    limit: PAGE_SIZE + 1,
    offset: (page - 1) * PAGE_SIZE,
  });
  return { filter, page, rows: rows.slice(0, PAGE_SIZE), more: rows.length > PAGE_SIZE, actions: await auditActions(context.db) };
}

function describeChanges(json: string | null): string {
  if (!json) return "";
  const changes = JSON.parse(json) as Record<string, [unknown, unknown]>;
  return Object.entries(changes)
    .map(([field, [before, after]]) => `${field}: ${before === null ? "–" : JSON.stringify(before)} → ${after === null ? "–" : JSON.stringify(after)}`)
    .join("; ");
}

export default function Audit() {
  const { filter, page, rows, more, actions } = useLoaderData<typeof loader>();
  const query = (p: number) =>
    `?${new URLSearchParams({ wie: filter.actorEmail, handeling: filter.action, van: filter.from, tot: filter.to, pagina: String(p) })}`;
  return (
    <>
      <Breadcrumbs items={[{ to: "/programma", label: "Landelijk overzicht" }, { label: "Auditlog" }]} />
      <h1 className="utrecht-heading-1">Auditlog</h1>
      <p className="utrecht-paragraph lead">Elke wijziging, met wie, wanneer, welk record en de velden voor en na; ook inloggen en mislukte inlogpogingen.</p>
      <Form method="get" className="audit-filter">
        <label className="utrecht-form-label" htmlFor="wie">
          Wie (e-mailadres)
        </label>
        <input id="wie" name="wie" className="utrecht-textbox utrecht-textbox--html-input" defaultValue={filter.actorEmail} />
        <label className="utrecht-form-label" htmlFor="handeling">
          Handeling
        </label>
        <select id="handeling" name="handeling" className="utrecht-select" defaultValue={filter.action}>
          <option value="">Alle</option>
          {actions.map((a) => (
            <option key={a} value={a}>
              {a}
            </option>
          ))}
        </select>
        <label className="utrecht-form-label" htmlFor="van">
          Vanaf
        </label>
        <input id="van" name="van" type="date" className="utrecht-textbox utrecht-textbox--html-input" defaultValue={filter.from} />
        <label className="utrecht-form-label" htmlFor="tot">
          Tot en met
        </label>
        <input id="tot" name="tot" type="date" className="utrecht-textbox utrecht-textbox--html-input" defaultValue={filter.to} />
        <div className="form-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            Filteren
          </button>
        </div>
      </Form>
      <DataTable caption="Auditlog, nieuwste eerst">
        <thead>
          <tr>
            <th scope="col">Wanneer</th>
            <th scope="col">Wie</th>
            <th scope="col">Handeling</th>
            <th scope="col">Record</th>
            <th scope="col">Wijzigingen</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.at)}</td>
              <td>
                {r.actor_email ?? r.actor_label ?? "–"}
                {r.address ? <span className="task-list__hint">{r.address}</span> : null}
              </td>
              <td>{r.action}</td>
              <td>
                {r.entity}
                {r.entity_id ? ` #${r.entity_id}` : ""}
              </td>
              <td className="audit-changes">{describeChanges(r.changes)}</td>
            </tr>
          ))}
        </tbody>
      </DataTable>
      {rows.length === 0 ? <p className="utrecht-paragraph">Niets gevonden met dit filter.</p> : null}
      <nav aria-label="Pagina's" className="form-actions">
        {page > 1 ? (
          <Link className="utrecht-link" to={query(page - 1)}>
            Nieuwere
          </Link>
        ) : null}
        {more ? (
          <Link className="utrecht-link" to={query(page + 1)}>
            Oudere
          </Link>
        ) : null}
      </nav>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
