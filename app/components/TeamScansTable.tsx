import { Link } from "@remix-run/react";
import { formatDateTime } from "../domain/format.ts";
import type { ResponseProgress } from "../questionnaire/progress.ts";
import { responsePath } from "../questionnaire/paths.ts";
import { PROFESSIONALS_MIN } from "../domain/conversation.ts";
import { DataTable } from "./DataTable.tsx";
import { StatusBadge } from "./StatusBadge.tsx";

export interface TeamScan {
  team_id: number;
  team_name: string;
  kindLabel: string;
  progress: ResponseProgress;
  response_id: number | null;
  updated_at: string | null;
  submitted_at: string | null;
  updated_by_name: string | null;
  /** How many professionals were invited and responded (null: not asked). */
  views: { invited: number; responded: number } | null;
}

/** The professionals' view of a team as a short text: shown from PROFESSIONALS_MIN responses on. */
function viewsText(views: TeamScan["views"]): string {
  if (!views) return "niet gevraagd";
  return views.responded >= PROFESSIONALS_MIN
    ? `${views.responded} van ${views.invited} reageerden`
    : `${views.responded} van ${views.invited} reageerden (zichtbaar vanaf ${PROFESSIONALS_MIN})`;
}

/** A gemeente's teams and the state of their zelfscan in the round, with links to review, read or follow each. */
export function TeamScansTable({ municipalityName, teams, roundId, isOwn }: { municipalityName: string; teams: TeamScan[]; roundId: number; isOwn: boolean }) {
  return (
    <DataTable caption={<>Teams van gemeente {municipalityName} en de stand van hun zelfscan</>}>
      <thead>
        <tr>
          <th scope="col">Team</th>
          <th scope="col">Status</th>
          <th scope="col">Laatste wijziging</th>
          <th scope="col">Kijk van professionals</th>
          <th scope="col">
            <span className="visually-hidden">Acties</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {teams.map((team) => (
          <tr key={team.team_id}>
            <th scope="row">
              {team.team_name}
              <span className="task-list__hint">{team.kindLabel}</span>
            </th>
            <td>
              <StatusBadge status={team.progress} />
            </td>
            <td>
              {team.progress === "not_started" || !team.updated_at
                ? "–"
                : `${formatDateTime(team.submitted_at ?? team.updated_at)}${team.updated_by_name ? ` (${team.updated_by_name})` : ""}`}
            </td>
            <td>{viewsText(team.views)}</td>
            <td>
              {team.response_id && (team.progress === "submitted" || team.progress === "accepted") ? (
                <>
                  <Link className="utrecht-link" to={responsePath(team.response_id)}>
                    {team.progress === "submitted" && isOwn ? "Beoordelen" : "Bekijken"}
                    <span className="visually-hidden"> ({team.team_name})</span>
                  </Link>
                  {" · "}
                  <Link className="utrecht-link" to={`/teams/${team.team_id}/resultaten?ronde=${roundId}`}>
                    Resultaten<span className="visually-hidden"> ({team.team_name})</span>
                  </Link>
                </>
              ) : team.response_id && (team.progress === "in_progress" || team.progress === "returned") ? (
                <Link className="utrecht-link" to={responsePath(team.response_id)}>
                  Voortgang<span className="visually-hidden"> ({team.team_name})</span>
                </Link>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
