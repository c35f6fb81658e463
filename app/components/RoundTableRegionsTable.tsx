import { Link } from "@remix-run/react";
import { countOf, formatDate, formatDateTime } from "../domain/format.ts";
import { DataTable } from "./DataTable.tsx";
import { StatusBadge } from "./StatusBadge.tsx";

export interface RoundTableRegion {
  id: number;
  name: string;
  status: string | null;
  response_id: number | null;
  updated_at: string | null;
  submitted_at: string | null;
  input: { deadline: string | null; teams: number; teamsSubmitted: number; municipalities: number; municipalitiesSubmitted: number } | null;
}

/** A year's round-table records per region, and how much input the region's teams and gemeenten gave for each. */
export function RoundTableRegionsTable({ year, regions }: { year: number; regions: RoundTableRegion[] }) {
  return (
    <DataTable caption={<>Rondetafelgesprekken {year} per regio</>}>
      <thead>
        <tr>
          <th scope="col">Regio</th>
          <th scope="col">Verslag</th>
          <th scope="col">Laatste wijziging</th>
          <th scope="col">Input van teams en gemeenten</th>
        </tr>
      </thead>
      <tbody>
        {regions.map((r) => (
          <tr key={r.id}>
            <th scope="row">
              <Link className="utrecht-link" to={`/rondetafels/${year}/${r.id}`}>
                {r.name}
              </Link>
            </th>
            <td>
              <StatusBadge status={r.status === "submitted" ? "submitted" : r.response_id ? "in_progress" : "not_started"} />
            </td>
            <td>{r.updated_at && r.response_id ? formatDateTime(r.submitted_at ?? r.updated_at) : "–"}</td>
            <td>
              {r.input?.deadline ? (
                <>
                  <Link className="utrecht-link" to={`/rondetafels/${year}/${r.id}/input`}>
                    {countOf(r.input.teamsSubmitted, r.input.teams, "team", "teams")},{" "}
                    {countOf(r.input.municipalitiesSubmitted, r.input.municipalities, "gemeente", "gemeenten")}
                  </Link>
                  <span className="task-list__hint">tot en met {formatDate(r.input.deadline)}</span>
                </>
              ) : (
                "niet gevraagd"
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
