import { Link } from "@remix-run/react";
import { PROFESSIONALS_MIN } from "../domain/conversation.ts";

/** For a gemeente (or its region): per team whether its professionals' view exists, with a link to it from PROFESSIONALS_MIN responses on. */
export function ProfessionalsPerTeam({
  teams,
  roundId,
}: {
  teams: { id: number; name: string; views: { invited: number; responded: number } | null }[];
  roundId: number;
}) {
  const shown = teams.filter((t) => t.views && t.views.responded >= PROFESSIONALS_MIN).length;
  return (
    <>
      <p className="utrecht-paragraph">
        Van {shown} van de {teams.length} teams is de kijk van de professionals er (van {PROFESSIONALS_MIN} of meer collega's). Per team staan hun antwoorden
        naast die van het team, met de gespreksonderwerpen.
      </p>
      <ul className="utrecht-unordered-list">
        {teams.map((t) => (
          <li key={t.id}>
            {t.views && t.views.responded >= PROFESSIONALS_MIN ? (
              <Link className="utrecht-link" to={`/teams/${t.id}/resultaten?ronde=${roundId}#professionals`}>
                {t.name}: {t.views.responded} professionals
              </Link>
            ) : (
              <>
                {t.name}:{" "}
                {t.views ? `${t.views.responded} van ${t.views.invited} reageerden (zichtbaar vanaf ${PROFESSIONALS_MIN})` : "professionals niet gevraagd"}
              </>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
