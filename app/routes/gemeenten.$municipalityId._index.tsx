import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { TaskList } from "../questionnaire/ui/TaskList.tsx";
import { countOf, dayOf, formatDateTime } from "../domain/format.ts";
import { isRoundOpen } from "../domain/cycles.ts";
import { requireMunicipalityAccess, requireUser } from "../auth/guards.server.ts";
import { municipalityStartPage } from "../services/start-pages.server.ts";
import { isOwnMunicipality, leadsRegion } from "../domain/policy.ts";
import { PhaseHistory, PhaseStepper } from "../components/PhasePanel.tsx";
import { InputTasks } from "../components/InputTasks.tsx";
import { Notifications } from "../components/Notifications.tsx";
import { ScanHistory } from "../components/ScanHistory.tsx";
import { TEAM_KIND_LABEL } from "../models/organisation.server.ts";
import { responsePath, sectionPath, submitPath } from "../questionnaire/paths.ts";
import { TeamScansTable } from "../components/TeamScansTable.tsx";
import { ReminderLink, ReminderSent } from "../components/ZelfscanReminder.tsx";
import { readReminderQuery } from "../domain/reminders.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Gemeente ${data.municipality.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const municipality = await requireMunicipalityAccess(context, user, params.municipalityId);
  const page = await municipalityStartPage(context.db, user, municipality);
  return {
    municipality,
    isOwn: isOwnMunicipality(user, municipality.id),
    showRegionLink: leadsRegion(user, municipality.region_id),
    ...page,
    reminded: readReminderQuery(new URL(request.url).searchParams),
    // The reminder page is offered while the round is open (it says why not otherwise).
    remindable: isOwnMunicipality(user, municipality.id) && page.round !== null && isRoundOpen(page.round, dayOf()),
    teams: page.teams.map((t) => ({ ...t, kindLabel: TEAM_KIND_LABEL[t.team_kind] })),
  };
}

export default function MunicipalityPage() {
  const {
    municipality,
    isOwn,
    showRegionLink,
    round,
    teams,
    municipalScan,
    phase,
    since,
    progress,
    phaseLog,
    history,
    inputTasks,
    notifications,
    reminded,
    remindable,
  } = useLoaderData<typeof loader>();
  const submitted = teams.filter((t) => t.progress === "submitted" || t.progress === "accepted").length;
  return (
    <>
      {showRegionLink ? (
        <Breadcrumbs items={[{ to: `/regios/${municipality.region_id}`, label: `Regio ${municipality.region_name}` }, { label: municipality.name }]} />
      ) : null}
      <h1 className="utrecht-heading-1">Gemeente {municipality.name}</h1>
      <p className="utrecht-paragraph lead">
        Regio {municipality.region_name}
        {round ? ` · ${round.name}` : ""}
      </p>
      {isOwn ? (
        <p className="utrecht-paragraph">
          Hier ziet u welke lokale teams de zelfscan hebben ingediend en beoordeelt u hun zelfscan, vult u het gemeentelijke deel in (de gemeente als
          opdrachtgever, thema I) en stelt u het verbeterplan op.
        </p>
      ) : null}
      <nav aria-label="Gemeente" className="form-actions">
        <Link className="utrecht-link" to={`/gemeenten/${municipality.id}/resultaten`}>
          Resultaten van de teams
        </Link>
        <Link className="utrecht-link" to={`/gemeenten/${municipality.id}/verbeterplan`}>
          Verbeterplan
        </Link>
      </nav>

      <section aria-labelledby="fase" className="page-section">
        <h2 id="fase" className="utrecht-heading-2">
          De routekaart van regio {municipality.region_name}
        </h2>
        <PhaseStepper phase={phase} since={since} />
        <p className="utrecht-paragraph">{progress.summary}</p>
        {isOwn ? (
          progress.todo.length ? (
            <>
              <h3 className="utrecht-heading-3">Wat uw gemeente nog moet doen</h3>
              <ul className="conditions">
                {progress.todo.map((t) => (
                  <li key={t} className="conditions__unmet">
                    {t}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="utrecht-paragraph">Uw gemeente hoeft in deze fase nu niets te doen.</p>
          )
        ) : null}
        <details>
          <summary>Geschiedenis van de fasen</summary>
          <PhaseHistory log={phaseLog} />
        </details>
      </section>

      <InputTasks tasks={inputTasks} />

      <section aria-labelledby="teams" className="page-section">
        <h2 id="teams" className="utrecht-heading-2">
          Zelfscan van de lokale teams
        </h2>
        {!round ? (
          <p className="utrecht-paragraph">Er is op dit moment geen zelfscanronde open.</p>
        ) : teams.length === 0 ? (
          <p className="utrecht-paragraph">Er zijn nog geen lokale teams van deze gemeente geregistreerd.</p>
        ) : (
          <>
            <p className="utrecht-paragraph">{countOf(submitted, teams.length, "team", "teams", ["heeft", "hebben"])} ingediend.</p>
            <TeamScansTable municipalityName={municipality.name} teams={teams} roundId={round.id} isOwn={isOwn} />
            {isOwn ? <ReminderSent counts={reminded} /> : null}
            {remindable && submitted < teams.length ? <ReminderLink to={`/gemeenten/${municipality.id}/herinneren`} whom="de teams" /> : null}
          </>
        )}
      </section>

      <section aria-labelledby="gemeentedeel" className="page-section">
        <h2 id="gemeentedeel" className="utrecht-heading-2">
          Gemeentelijk deel: de gemeente als opdrachtgever
        </h2>
        {!municipalScan.round ? (
          <p className="utrecht-paragraph">Er is op dit moment geen zelfscanronde open.</p>
        ) : !municipalScan.response ? (
          <p className="utrecht-paragraph">
            <StatusBadge status="not_started" /> De gemeente is nog niet begonnen aan het gemeentelijke deel.
          </p>
        ) : municipalScan.response.status === "submitted" ? (
          <p className="utrecht-paragraph">
            <StatusBadge status={municipalScan.response.progress} /> Ingediend op {formatDateTime(municipalScan.response.submittedAt!)}
            {municipalScan.response.submittedBy ? ` door ${municipalScan.response.submittedBy}` : ""}.{" "}
            <Link className="utrecht-link" to={responsePath(municipalScan.response.id)}>
              Bekijk het ingediende gemeentelijke deel
            </Link>
          </p>
        ) : municipalScan.fillsIn ? (
          <>
            <TaskList tasks={municipalScan.tasks} sectionHref={(key) => sectionPath(municipalScan.response.id, key)} />
            <p className="utrecht-paragraph">
              <Link className="utrecht-button utrecht-button--primary-action" to={submitPath(municipalScan.response.id)}>
                Gemeentelijk deel controleren en indienen
              </Link>
            </p>
          </>
        ) : (
          <p className="utrecht-paragraph">
            <StatusBadge status={municipalScan.response.progress} />{" "}
            <Link className="utrecht-link" to={responsePath(municipalScan.response.id)}>
              Voortgang bekijken
            </Link>
          </p>
        )}
      </section>

      <ScanHistory entries={history} caption={`Eerdere gemeentelijke delen van ${municipality.name}`} />
      {isOwn ? <Notifications list={notifications} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
