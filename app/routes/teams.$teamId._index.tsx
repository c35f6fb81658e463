import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { DEACTIVATED_TEAM_MESSAGE } from "../domain/policy.ts";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { TaskList } from "../questionnaire/ui/TaskList.tsx";
import { formatDate, formatDateTime } from "../domain/format.ts";
import { requireTeamAccess, requireUser } from "../auth/guards.server.ts";
import { currentScan } from "../services/start-pages.server.ts";
import { TEAM_KIND_LABEL } from "../models/organisation.server.ts";
import { responsePath, sectionPath, submitPath } from "../questionnaire/paths.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.team.name} – Werken aan veiligheid` : "Werken aan veiligheid" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const team = await requireTeamAccess(context, user, params.teamId);
  const scan = await currentScan(context.db, user, { teamId: team.id }, { teamActive: team.active === 1 });
  return {
    team: { ...team, kindLabel: TEAM_KIND_LABEL[team.kind] },
    isManager: user.role === "teammanager",
    scan,
    deactivatedNotice: team.active !== 1 ? DEACTIVATED_TEAM_MESSAGE : null,
  };
}

export default function TeamPage() {
  const { team, isManager, scan, deactivatedNotice } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">{team.name}</h1>
      <p className="utrecht-paragraph lead">
        {team.kindLabel} in gemeente{" "}
        {isManager ? (
          team.municipality_name
        ) : (
          <Link className="utrecht-link" to={`/gemeenten/${team.municipality_id}`}>
            {team.municipality_name}
          </Link>
        )}
      </p>
      {deactivatedNotice ? (
        <div className="notice notice--warn" role="note">
          <p>{deactivatedNotice}</p>
        </div>
      ) : null}
      {!scan.round ? (
        <p className="utrecht-paragraph">Er is op dit moment geen zelfscanronde open. U hoort het van uw gemeente of regio zodra de volgende ronde begint.</p>
      ) : (
        <section aria-labelledby="zelfscan" className="page-section">
          <h2 id="zelfscan" className="utrecht-heading-2">
            {scan.round.name}
          </h2>
          <p className="muted">
            Open van {formatDate(scan.round.opens_on)} tot en met {formatDate(scan.round.closes_on)}.
          </p>
          {!scan.response ? (
            <p className="utrecht-paragraph">
              <StatusBadge status="not_started" /> Het team is nog niet begonnen aan de zelfscan.
            </p>
          ) : scan.response.status === "submitted" ? (
            <>
              <p className="utrecht-paragraph">
                <StatusBadge status="submitted" /> Ingediend op {formatDateTime(scan.response.submittedAt!)}
                {scan.response.submittedBy ? ` door ${scan.response.submittedBy}` : ""}.
              </p>
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to={responsePath(scan.response.id)}>
                  Bekijk de ingediende zelfscan
                </Link>
                {" · "}
                <Link className="utrecht-link" to={`/teams/${team.id}/resultaten`}>
                  Resultaten per thema, naast gemeente, regio en Nederland
                </Link>
              </p>
            </>
          ) : scan.fillsIn ? (
            <>
              {scan.response.returned ? (
                <div className="notice notice--warn" role="note">
                  <p>
                    <strong>Teruggestuurd door de gemeente</strong> op {formatDateTime(scan.response.returned.at)} ({scan.response.returned.by}):{" "}
                    {scan.response.returned.comment}
                  </p>
                  <p>Pas de antwoorden aan en dien de zelfscan opnieuw in.</p>
                </div>
              ) : null}
              <p className="utrecht-paragraph">
                Vul de zelfscan in met uw team. Elk onderdeel is een thema uit het kwaliteitskader. Uw antwoorden worden bewaard; u kunt stoppen en later
                verder.
              </p>
              <TaskList tasks={scan.tasks} sectionHref={(key) => sectionPath(scan.response.id, key)} />
              <p className="utrecht-paragraph">
                <Link className="utrecht-button-link utrecht-button-link--primary-action" to={submitPath(scan.response.id)}>
                  Controleren en indienen
                </Link>
              </p>
            </>
          ) : (
            <>
              <p className="utrecht-paragraph">
                <StatusBadge status={scan.response.progress} /> Laatst gewijzigd op {formatDateTime(scan.response.updatedAt)}.
              </p>
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to={responsePath(scan.response.id)}>
                  Voortgang bekijken
                </Link>
              </p>
            </>
          )}
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
