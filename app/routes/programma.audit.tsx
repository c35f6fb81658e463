import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { AuditLogTable } from "../components/AuditLogTable.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { auditActionLabel, auditEntityLabel } from "../domain/audit-labels.ts";
import { compareDutch } from "../domain/format.ts";
import { requireRole } from "../auth/guards.server.ts";
import { auditActions, auditEntities } from "../models/audit.server.ts";
import { readableAuditPage } from "../services/audit-log.server.ts";
import { dateProblem, parseDutchDate } from "../forms/dates.ts";
import { DateInput } from "../components/DateInput.tsx";
import { FieldError } from "../components/FieldError.tsx";

export const meta: MetaFunction = () => [{ title: "Auditlog – Werken aan veiligheid" }];

const PAGE_SIZE = 100;
const notADate = (typed: string) => `${dateProblem(typed)} Zonder geldige datum filtert het auditlog niet op datum.`;
const dateOrEmpty = (v: string | null) => (v ? (parseDutchDate(v.trim()) ?? "") : "");

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const params = new URL(request.url).searchParams;
  const page = Math.max(1, Math.min(10_000, Number(params.get("pagina")) || 1));
  const [subjectEntity, subjectId] = (params.get("onderwerp") ?? "").split(":");
  const filter = {
    actorEmail: (params.get("wie") ?? "").slice(0, 254),
    action: (params.get("handeling") ?? "").slice(0, 100),
    entity: (params.get("soort") ?? "").slice(0, 100),
    // One record, chosen from a row of the log ("Alleen dit onderwerp"): kind and number.
    subject: subjectEntity && subjectId && /^\d{1,12}$/.test(subjectId) ? `${subjectEntity.slice(0, 100)}:${subjectId}` : "",
    from: dateOrEmpty(params.get("van")),
    to: dateOrEmpty(params.get("tot")),
  };
  const rows = await readableAuditPage(context.db, {
    actorEmail: filter.actorEmail || undefined,
    action: filter.action || undefined,
    entity: (filter.subject ? subjectEntity : filter.entity) || undefined,
    entityId: filter.subject ? subjectId : undefined,
    from: filter.from || undefined,
    to: filter.to ? `${filter.to}T23:59:59.999Z` : undefined,
    limit: PAGE_SIZE + 1,
    offset: (page - 1) * PAGE_SIZE,
  });
  const byLabel = (a: { label: string }, b: { label: string }) => compareDutch(a.label, b.label);
  // A date that is not one is not applied, and said so beside its field, with what was typed kept.
  const typed = { van: (params.get("van") ?? "").slice(0, 30), tot: (params.get("tot") ?? "").slice(0, 30) };
  const dateErrors = Object.fromEntries(
    (["van", "tot"] as const).filter((k) => typed[k].trim() && !parseDutchDate(typed[k].trim())).map((k) => [k, notADate(typed[k].trim())]),
  );
  return {
    filter,
    typed,
    dateErrors,
    page,
    rows: rows.slice(0, PAGE_SIZE),
    more: rows.length > PAGE_SIZE,
    subjectName: filter.subject ? (rows[0]?.subject.name ?? filter.subject) : null,
    actions: (await auditActions(context.db)).map((key) => ({ key, label: auditActionLabel(key) })).sort(byLabel),
    entities: (await auditEntities(context.db)).map((key) => ({ key, label: auditEntityLabel(key) })).sort(byLabel),
  };
}

type Filter = Awaited<ReturnType<typeof loader>>["filter"];
const queryOf = (filter: Filter, changes: Partial<Record<"wie" | "handeling" | "soort" | "onderwerp" | "van" | "tot" | "pagina", string>>) => {
  const values = {
    wie: filter.actorEmail,
    handeling: filter.action,
    soort: filter.entity,
    onderwerp: filter.subject,
    van: filter.from,
    tot: filter.to,
    ...changes,
  };
  const params = new URLSearchParams(Object.entries(values).filter(([, v]) => v));
  return `?${params}`;
};

export default function Audit() {
  const { filter, typed, dateErrors, page, rows, more, actions, entities, subjectName } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ to: "/programma", label: "Landelijk overzicht" }, { label: "Auditlog" }]} />
      <h1 className="utrecht-heading-1">Auditlog</h1>
      <p className="utrecht-paragraph lead">
        Elke wijziging, met wie, wanneer, welk onderwerp en de velden voor en na; ook inloggen en mislukte inlogpogingen.
      </p>
      {/* A new form for each filter: after a client navigation (a subject link) its fields show the filter in force. */}
      <Form method="get" className="audit-filter" key={JSON.stringify(filter)}>
        {filter.subject ? <input type="hidden" name="onderwerp" value={filter.subject} /> : null}
        <div>
          <label className="utrecht-form-label" htmlFor="wie">
            Wie (naam of e-mailadres)
          </label>
          <input id="wie" name="wie" className="utrecht-textbox utrecht-textbox--html-input" defaultValue={filter.actorEmail} />
        </div>
        <div>
          <label className="utrecht-form-label" htmlFor="handeling">
            Handeling
          </label>
          <select id="handeling" name="handeling" className="utrecht-select" defaultValue={filter.action}>
            <option value="">Alle</option>
            {actions.map((a) => (
              <option key={a.key} value={a.key}>
                {a.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="utrecht-form-label" htmlFor="soort">
            Soort onderwerp
          </label>
          <select id="soort" name="soort" className="utrecht-select" defaultValue={filter.entity}>
            <option value="">Alle</option>
            {entities.map((e) => (
              <option key={e.key} value={e.key}>
                {e.label}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label className="utrecht-form-label" htmlFor="van">
            Vanaf
          </label>
          <FieldError id="fout-van" message={dateErrors.van} />
          <DateInput id="van" name="van" defaultValue={dateErrors.van ? typed.van : filter.from} errorId={dateErrors.van ? "fout-van" : undefined} />
        </div>
        <div>
          <label className="utrecht-form-label" htmlFor="tot">
            Tot en met
          </label>
          <FieldError id="fout-tot" message={dateErrors.tot} />
          <DateInput id="tot" name="tot" defaultValue={dateErrors.tot ? typed.tot : filter.to} errorId={dateErrors.tot ? "fout-tot" : undefined} />
        </div>
        <div className="form-actions">
          <button type="submit" className="utrecht-button utrecht-button--primary-action">
            Filteren
          </button>
        </div>
      </Form>
      {subjectName ? (
        <p className="utrecht-paragraph">
          Alleen over: <strong>{subjectName}</strong>.{" "}
          <Link className="utrecht-link" to={queryOf(filter, { onderwerp: "", pagina: "" })}>
            Alle onderwerpen tonen
          </Link>
        </p>
      ) : null}
      <AuditLogTable
        rows={rows}
        subjectLink={(subject: string) => (filter.subject === subject ? null : queryOf(filter, { onderwerp: subject, soort: "", pagina: "" }))}
      />
      {rows.length === 0 ? <p className="utrecht-paragraph">Niets gevonden met dit filter.</p> : null}
      <nav aria-label="Pagina's" className="form-actions">
        {page > 1 ? (
          <Link className="utrecht-link" to={queryOf(filter, { pagina: String(page - 1) })}>
            Nieuwere
          </Link>
        ) : null}
        {more ? (
          <Link className="utrecht-link" to={queryOf(filter, { pagina: String(page + 1) })}>
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
