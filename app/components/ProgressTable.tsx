import { Link } from "@remix-run/react";

export interface ProgressRow {
  id: number;
  name: string;
  href: string;
  teams: number;
  submitted: number;
  inProgress: number;
  /** The municipal part: "Ingediend", "Bezig", "Niet begonnen", or counts for a region. */
  municipal: string;
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
    <table className="data-table">
      <caption className="visually-hidden">{caption}</caption>
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
            </th>
            <td className="number">{row.teams}</td>
            <td className="number">{row.submitted}</td>
            <td className="number">{row.inProgress}</td>
            <td className="number">{row.teams - row.submitted - row.inProgress}</td>
            <td>{row.municipal}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
