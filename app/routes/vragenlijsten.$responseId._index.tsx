import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { ReadOnlySection } from "../components/ReadOnlyAnswers.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { TaskList } from "../components/TaskList.tsx";
import { formatDateTime } from "../format.ts";
import { requireResponseAccess, requireUser, startPathFor } from "../authorization.server.ts";
import { listEvents } from "../models/response.server.ts";
import { loadResponse } from "../questionnaire/pages.server.ts";
import { sectionPath, submitPath } from "../questionnaire/paths.ts";
import { subjectLabel } from "../questionnaire/subject.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} – ${data.subject} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { response, canEdit } = await requireResponseAccess(context, user, params.responseId, "view");
  const { definition, answers, tasks } = await loadResponse(context.db, response, canEdit);
  const url = new URL(request.url);
  return {
    responseId: response.id,
    title: response.questionnaire_title,
    version: response.questionnaire_version,
    subject: subjectLabel(response),
    roundName: response.round_name,
    status: response.status,
    submittedAt: response.submitted_at,
    submittedBy: response.submitted_by_name,
    updatedAt: response.updated_at,
    updatedBy: response.updated_by_name,
    canEdit,
    definition,
    answers,
    tasks,
    events: await listEvents(context.db, response.id),
    startPath: startPathFor(user),
    justSubmitted: url.searchParams.has("ingediend"),
    saved: url.searchParams.has("opgeslagen"),
  };
}

const EVENT_LABEL: Record<string, string> = { started: "Begonnen", submitted: "Ingediend" };

export default function ResponseOverview() {
  const page = useLoaderData<typeof loader>();
  const editable = page.canEdit && page.status === "draft";
  return (
    <>
      <Breadcrumbs items={[{ to: page.startPath, label: "Start" }, { label: `${page.subject}: ${page.roundName}` }]} />
      <h1 className="utrecht-heading-1">{page.title}</h1>
      <p className="utrecht-paragraph lead">
        {page.subject} · {page.roundName} · <StatusBadge status={page.status === "submitted" ? "submitted" : page.tasks.sections.some((s) => s.answered > 0) ? "in_progress" : "not_started"} />
      </p>

      {page.justSubmitted ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>Ingediend.</strong> Dank u wel. De zelfscan is ingediend en is nu alleen nog te lezen.
          </p>
        </div>
      ) : null}
      {page.saved ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>Opgeslagen.</strong> Uw antwoorden zijn bewaard als concept.
          </p>
        </div>
      ) : null}

      {page.status === "submitted" && page.submittedAt ? (
        <div className="notice" role="note">
          <p>
            Ingediend op {formatDateTime(page.submittedAt)}
            {page.submittedBy ? ` door ${page.submittedBy}` : ""}. De antwoorden kunnen niet meer worden gewijzigd.
          </p>
        </div>
      ) : null}

      {editable ? (
        <section aria-labelledby="taken" className="page-section">
          <h2 id="taken" className="utrecht-heading-2">
            Onderdelen
          </h2>
          <TaskList tasks={page.tasks} sectionHref={(key) => sectionPath(page.responseId, key)} />
          <p className="utrecht-paragraph">
            <Link className="utrecht-button-link utrecht-button-link--primary-action" to={submitPath(page.responseId)}>
              Controleren en indienen
            </Link>
          </p>
          <p className="muted">
            Laatst opgeslagen: {formatDateTime(page.updatedAt)}
            {page.updatedBy ? ` door ${page.updatedBy}` : ""}. Uw antwoorden worden bewaard; u kunt op elk moment stoppen en later verder.
          </p>
        </section>
      ) : page.answers ? (
        page.definition.sections.map((section) => (
          <ReadOnlySection key={section.key} definition={page.definition} section={section} answers={page.answers!} />
        ))
      ) : (
        <section aria-labelledby="voortgang" className="page-section">
          <h2 id="voortgang" className="utrecht-heading-2">
            Voortgang
          </h2>
          <p className="utrecht-paragraph">Deze vragenlijst is nog niet ingediend. De antwoorden zijn te zien zodra ze zijn ingediend.</p>
          <TaskList tasks={page.tasks} />
        </section>
      )}

      <section aria-labelledby="geschiedenis" className="page-section">
        <h2 id="geschiedenis" className="utrecht-heading-2">
          Geschiedenis
        </h2>
        <ul className="utrecht-unordered-list">
          {page.events.map((event, i) => (
            <li key={i}>
              {EVENT_LABEL[event.type] ?? event.type} op {formatDateTime(event.at)} door {event.actor_name}
              {event.comment ? `: ${event.comment}` : ""}
            </li>
          ))}
        </ul>
        <p className="muted">
          Vragenlijstversie {page.version}. Een ingevulde vragenlijst blijft bij de versie waarmee hij is begonnen.
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
