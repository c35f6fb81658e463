import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { actionNoteChange, DEACTIVATED_TEAM_MESSAGE } from "../domain/policy.ts";
import { actionNoteSchema } from "../forms/plan.ts";
import { invalid, readForm } from "../http/form.server.ts";
import { notFound } from "../http/http.server.ts";
import { actionOwner, addActionNote } from "../models/plan.server.ts";
import { currentPhase } from "../models/phase.server.ts";
import { InputTasks } from "../components/InputTasks.tsx";
import { Notifications } from "../components/Notifications.tsx";
import { ScanHistory } from "../components/ScanHistory.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { TeamActionList } from "../components/TeamActionList.tsx";
import { ProfessionalsSummary } from "../components/ProfessionalsSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { TaskList } from "../questionnaire/ui/TaskList.tsx";
import { dayOf, formatDate, formatDateTime } from "../domain/format.ts";
import { refusalOf, requireTeamAccess, requireUser } from "../auth/guards.server.ts";
import { teamStartPage } from "../services/start-pages.server.ts";
import { TEAM_KIND_LABEL } from "../models/organisation.server.ts";
import { responsePath, sectionPath, submitPath } from "../questionnaire/paths.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `${data.team.name} – Werken aan veiligheid` : "Werken aan veiligheid" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const team = await requireTeamAccess(context, user, params.teamId);
  const page = await teamStartPage(context.db, user, team);
  return {
    team: { ...team, kindLabel: TEAM_KIND_LABEL[team.kind] },
    isManager: user.role === "teammanager",
    ...page,
    actions: page.actions.map((a) => ({ ...a, canNote: actionNoteChange(user, a, page.phase).allowed })),
    today: dayOf(),
    noted: new URL(request.url).searchParams.has("notitie"),
    deactivatedNotice: team.active !== 1 ? DEACTIVATED_TEAM_MESSAGE : null,
  };
}

/** A progress note of the team on an action it owns. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const team = await requireTeamAccess(context, user, params.teamId);
  const submission = await readForm(request, actionNoteSchema);
  if (!submission.ok) return invalid(submission.errors, submission.values);
  const owner = await actionOwner(context.db, submission.data.action);
  // Another team's action, or one that does not exist: not found (its existence is not revealed).
  if (!owner || owner.owner_team_id !== team.id) notFound();
  const refused = refusalOf(actionNoteChange(user, owner, (await currentPhase(context.db, owner.region_id)).phase));
  if (refused) return invalid({ form: refused }, submission.values, 409);
  await addActionNote(context.db, { actionId: owner.id, teamId: team.id, userId: user.id, text: submission.data.note });
  throw redirect(`/teams/${team.id}?notitie=1#acties`);
}

export default function TeamPage() {
  const { team, isManager, scan, views, history, actions, inputTasks, notifications, today, noted, deactivatedNotice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
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
            {scan.round.closes_on < today
              ? `De ronde liep van ${formatDate(scan.round.opens_on)} tot en met ${formatDate(scan.round.closes_on)}. Uw regio werkt nog in de cyclus van deze ronde: u kunt de zelfscan afmaken en indienen.`
              : `Open van ${formatDate(scan.round.opens_on)} tot en met ${formatDate(scan.round.closes_on)}.`}
          </p>
          {!scan.response ? (
            <p className="utrecht-paragraph">
              <StatusBadge status="not_started" /> Het team is nog niet begonnen aan de zelfscan.
            </p>
          ) : scan.response.status === "submitted" ? (
            <>
              <p className="utrecht-paragraph">
                <StatusBadge status={scan.response.progress} /> Ingediend op {formatDateTime(scan.response.submittedAt!)}
                {scan.response.submittedBy ? ` door ${scan.response.submittedBy}` : ""}
                {scan.response.acceptedAt
                  ? `; geaccepteerd door de gemeente op ${formatDateTime(scan.response.acceptedAt)}`
                  : "; de gemeente beoordeelt hem nog"}
                .
              </p>
              <p className="utrecht-paragraph">
                <Link className="utrecht-link" to={responsePath(scan.response.id)}>
                  Bekijk de ingediende zelfscan
                </Link>
                {" · "}
                <Link className="utrecht-link" to={`/teams/${team.id}/resultaten?ronde=${scan.round.id}`}>
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
                <Link className="utrecht-button utrecht-button--primary-action" to={submitPath(scan.response.id)}>
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

      {scan.round && (isManager || views) ? <ProfessionalsSummary teamId={team.id} roundId={scan.round.id} views={views} isManager={isManager} /> : null}

      <InputTasks tasks={inputTasks} />

      {isManager || actions.length ? (
        <section aria-labelledby="acties" className="page-section">
          <h2 id="acties" className="utrecht-heading-2" tabIndex={-1}>
            Verbeteracties van uw team
          </h2>
          {noted && !actionData ? (
            <div className="notice notice--ok" role="status">
              <p>
                <strong>Notitie opgeslagen.</strong> De gemeente ziet hem bij de actie.
              </p>
            </div>
          ) : null}
          <ErrorSummary items={Object.entries(actionData?.errors ?? {}).map(([, message]) => ({ target: "acties", message }))} focusKey={actionData} />
          <TeamActionList actions={actions} today={today} isManager={isManager} busy={busy} />
          {isManager && actions.length > 0 && !actions.some((a) => a.canNote) ? (
            <p className="muted">
              Een voortgangsnotitie zet u bij een actie vanaf het vaststellen van het verbeterplan, zolang de regio in de fase Verbeterplannen opstellen of
              Uitvoering/monitoring is.
            </p>
          ) : null}
        </section>
      ) : null}

      <ScanHistory
        entries={history}
        resultsHref={(roundId) => `/teams/${team.id}/resultaten?ronde=${roundId}`}
        caption={`Eerdere zelfscans van ${team.name}`}
      />
      {isManager ? <Notifications list={notifications} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
