import { Link } from "@remix-run/react";
import { PROFESSIONALS_MIN } from "../domain/conversation.ts";

/** On the team's start page: whether the professionals were asked for their view, how many answered, and where to look. */
export function ProfessionalsSummary({
  teamId,
  roundId,
  views,
  isManager,
}: {
  teamId: number;
  roundId: number;
  views: { invited: number; responded: number } | null;
  isManager: boolean;
}) {
  return (
    <section aria-labelledby="kijk-professionals" className="page-section">
      <h2 id="kijk-professionals" className="utrecht-heading-2">
        De kijk van de professionals
      </h2>
      <p className="utrecht-paragraph">
        {views
          ? `${views.responded} van de ${views.invited} uitgenodigde ${views.invited === 1 ? "collega heeft" : "collega's hebben"} gereageerd.`
          : "De zelfscan is een gesprek: vraag de professionals van het team anoniem om hun kijk op de thema's."}{" "}
        {views && views.responded >= PROFESSIONALS_MIN ? (
          <Link className="utrecht-link" to={`/teams/${teamId}/resultaten?ronde=${roundId}#professionals`}>
            Hun kijk naast de antwoorden van het team
          </Link>
        ) : views ? (
          `Hun kijk verschijnt vanaf ${PROFESSIONALS_MIN} reacties.`
        ) : null}
      </p>
      {isManager ? (
        <p className="utrecht-paragraph">
          <Link className="utrecht-link" to={`/teams/${teamId}/professionals`}>
            {views ? "Collega's toevoegen, herinneren of de vraag sluiten" : "Professionals uitnodigen"}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
