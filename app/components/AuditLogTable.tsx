import { Link } from "@remix-run/react";
import { formatDateTime } from "../domain/format.ts";
import type { ReadableAuditEntry } from "../domain/audit-labels.ts";
import { DataTable } from "./DataTable.tsx";

/** What an entry changed: each field before and after. */
function Changes({ entry }: { entry: ReadableAuditEntry }) {
  if (!entry.changes.length) return null;
  return (
    <table className="audit-changes">
      <caption className="visually-hidden">Gewijzigde velden, voor en na</caption>
      <thead>
        <tr>
          <th scope="col">Veld</th>
          <th scope="col">Voor</th>
          <th scope="col">Na</th>
        </tr>
      </thead>
      <tbody>
        {entry.changes.map((c, i) => (
          <tr key={i}>
            <th scope="row">{c.field}</th>
            <td>{c.before}</td>
            <td>{c.after}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * The audit log's entries, newest first: when, who (and from where), what, about which record (with a link
 * to only that record's entries, unless that is the filter already), and the fields before and after.
 */
export function AuditLogTable({ rows, subjectLink }: { rows: ReadableAuditEntry[]; subjectLink: (subject: string) => string | null }) {
  return (
    <DataTable caption="Auditlog, nieuwste eerst">
      <thead>
        <tr>
          <th scope="col">Wanneer</th>
          <th scope="col">Wie</th>
          <th scope="col">Handeling</th>
          <th scope="col">Onderwerp</th>
          <th scope="col">Wijzigingen</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.id}>
            <td>{formatDateTime(r.at)}</td>
            <td>
              {r.who}
              {r.whoDetail ? <span className="task-list__hint">{r.whoDetail}</span> : null}
              {r.address ? <span className="task-list__hint">IP-adres {r.address}</span> : null}
            </td>
            <td>{r.actionLabel}</td>
            <td>
              {r.subject.name ?? `${r.subject.kind}${r.subject.id ? ` ${r.subject.id}` : ""}`}
              {r.subject.id && subjectLink(`${r.subject.entity}:${r.subject.id}`) ? (
                <span className="task-list__hint">
                  <Link className="utrecht-link" to={subjectLink(`${r.subject.entity}:${r.subject.id}`)!}>
                    Alleen dit onderwerp<span className="visually-hidden">: {r.subject.name ?? r.subject.kind}</span>
                  </Link>
                </span>
              ) : null}
            </td>
            <td>
              <Changes entry={r} />
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
