import { Link } from "@remix-run/react";
import { formatDateTime } from "../domain/format.ts";
import type { ResponseProgress } from "../questionnaire/progress.ts";
import { StatusBadge } from "./StatusBadge.tsx";
import { DataTable } from "./DataTable.tsx";

interface Entry {
  id: number;
  round_id: number;
  round_name: string;
  progress: ResponseProgress;
  updated_at: string;
  submitted_at: string | null;
}

/** Earlier scans: round, state, when, and links to the scan and (when given) its results. */
export function ScanHistory({ entries, resultsHref, caption }: { entries: Entry[]; resultsHref?: (roundId: number) => string; caption: string }) {
  if (!entries.length) return null;
  return (
    <section aria-labelledby="eerdere-scans" className="page-section">
      <h2 id="eerdere-scans" className="utrecht-heading-2">
        Eerdere rondes
      </h2>
      <DataTable caption={caption}>
        <thead>
          <tr>
            <th scope="col">Ronde</th>
            <th scope="col">Stand</th>
            <th scope="col">Datum</th>
            <th scope="col">
              <span className="visually-hidden">Openen</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <th scope="row">{e.round_name}</th>
              <td>
                <StatusBadge status={e.progress} />
              </td>
              <td>{formatDateTime(e.submitted_at ?? e.updated_at)}</td>
              <td>
                <Link className="utrecht-link" to={`/vragenlijsten/${e.id}`}>
                  {e.progress === "in_progress" || e.progress === "not_started" || e.progress === "returned" ? "Verder bekijken" : "Bekijken"}
                  <span className="visually-hidden"> ({e.round_name})</span>
                </Link>
                {resultsHref && (e.progress === "submitted" || e.progress === "accepted") ? (
                  <>
                    {" · "}
                    <Link className="utrecht-link" to={resultsHref(e.round_id)}>
                      Resultaten<span className="visually-hidden"> ({e.round_name})</span>
                    </Link>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </DataTable>
    </section>
  );
}
