import { Link } from "@remix-run/react";
import { DataTable } from "./DataTable.tsx";

export interface ProgressRow {
  id: number;
  name: string;
  href: string;
  teams: number;
  /** Submitted, accepted ones included. */
  submitted: number;
  /** Of those submitted, accepted by their gemeente. */
  accepted: number;
  inProgress: number;
  /** The municipal part: "Ingediend", "Bezig", "Niet begonnen", or counts for a region. */
  municipal: string;
  /** Shown under the name: the round the row's figures are of, when rows differ. */
  hint?: string;
}

/** Progress of the zelfscan per municipality (regio) or per region (programma), as a plain table. */
export function ProgressTable({
  caption,
  nameHeader,
  municipalHeader,
  rows,
}: {
  caption: string;
  nameHeader: string;
  municipalHeader: string;
  rows: ProgressRow[];
}) {
  return (
    <DataTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{nameHeader}</th>
          <th scope="col" className="number">
            Teams
          </th>
          <th scope="col" className="number">
            Ingediend
          </th>
          <th scope="col" className="number">
            Waarvan geaccepteerd
          </th>
          <th scope="col" className="number">
            Bezig
          </th>
          <th scope="col" className="number">
            Niet begonnen
          </th>
          <th scope="col">{municipalHeader}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row">
              <Link className="utrecht-link" to={row.href}>
                {row.name}
              </Link>
              {row.hint ? <span className="task-list__hint">{row.hint}</span> : null}
            </th>
            <td className="number">{row.teams}</td>
            <td className="number">{row.submitted}</td>
            <td className="number">{row.accepted}</td>
            <td className="number">{row.inProgress}</td>
            <td className="number">{row.teams - row.submitted - row.inProgress}</td>
            <td>{row.municipal}</td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
