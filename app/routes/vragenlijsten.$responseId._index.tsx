import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { startPathFor } from "../domain/user.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { ReadOnlySection } from "../questionnaire/ui/ReadOnlyAnswers.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { TaskList } from "../questionnaire/ui/TaskList.tsx";
import { formatDateTime } from "../domain/format.ts";
import { requireResponseAccess, requireUser } from "../auth/guards.server.ts";
import { readFormData } from "../http/http.server.ts";
import { invalid } from "../http/form.server.ts";
import { isRoundTableRecord } from "../domain/policy.ts";
import { responseProgress } from "../questionnaire/progress.ts";
import { handleReviewPost } from "../services/review.server.ts";
import { latestReview, listEvents } from "../models/response.server.ts";
import { loadResponse } from "../services/questionnaire-pages.server.ts";
import { regionInputView } from "../services/round-table-input.server.ts";
import { RegionInputView } from "../components/RegionInputView.tsx";
import { sectionPath, submitPath } from "../questionnaire/paths.ts";
import { subjectLabel } from "../questionnaire/subject.ts";
import { ReopenForm } from "../components/ReopenForm.tsx";
import { ReviewForm, ReviewNoteField, ReviewStart } from "../components/ReviewForm.tsx";
import { ReviewNote } from "../questionnaire/ui/ReviewNote.tsx";
import { questionNumber } from "../questionnaire/definition.ts";
import { ResponseHistory } from "../components/ResponseHistory.tsx";
import { remarkLinks, ResponseNotices } from "../components/ResponseNotices.tsx";
import type { FieldErrors } from "../forms/field-errors.ts";
import { PrintButton } from "../components/PrintButton.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.title} – ${data.subject} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { response, answersVisible, canEdit, lockedReason, canReview, canSubmit, canReopen } = await requireResponseAccess(
    context,
    user,
    params.responseId,
    "view",
  );
  const { definition, answers, tasks } = await loadResponse(context.db, response, answersVisible);
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
    acceptedAt: response.accepted_at,
    acceptedBy: response.accepted_by_name,
    revision: response.revision,
    canReview,
    canSubmit,
    canReopen,
    teamId: response.team_id,
    updatedAt: response.updated_at,
    updatedBy: response.updated_by_name,
    canEdit,
    lockedReason,
    definition,
    answers,
    tasks,
    events: await listEvents(context.db, response.id),
    // The latest review's remarks per question, shown beside the answers.
    review: response.team_id !== null ? await latestReview(context.db, response.id) : null,
    startPath: startPathFor(user),
    justSubmitted: url.searchParams.has("ingediend"),
    reviewed: url.searchParams.get("beoordeeld"),
    reopened: url.searchParams.has("heropend"),
    isRoundTable: isRoundTableRecord(response),
    // Beside a round-table record: what the region's teams and gemeenten gave as input for the talk.
    regionInput:
      isRoundTableRecord(response) && response.round_year !== null && response.region_id !== null && response.input_deadline !== null
        ? { year: response.round_year, regionId: response.region_id, views: await regionInputView(context.db, response.round_id, response.region_id) }
        : null,
    saved: url.searchParams.has("opgeslagen"),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const { response } = await requireResponseAccess(context, user, params.responseId, "view");
  const outcome = await handleReviewPost(context.db, { user, response, form: await readFormData(request), origin: context.config.publicOrigin });
  switch (outcome.kind) {
    case "done":
      throw redirect(outcome.to);
    case "forbidden":
      throw new Response(outcome.message, { status: 403 });
    case "confirm":
    case "back":
      return { errors: {} as FieldErrors, values: outcome.values, confirmAccept: outcome.kind === "confirm" };
    default:
      return invalid(outcome.errors, outcome.values, outcome.status);
  }
}

export default function ResponseOverview() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const editable = page.canEdit && page.status === "draft";
  const lastReturn = [...page.events].reverse().find((e) => e.type === "returned" || e.type === "resubmitted" || e.type === "submitted");
  return (
    <>
      <Breadcrumbs items={[{ to: page.startPath, label: "Start" }, { label: `${page.subject}: ${page.roundName}` }]} />
      <h1 className="utrecht-heading-1">{page.title}</h1>
      <p className="utrecht-paragraph lead">
        {page.subject} · {page.roundName} ·{" "}
        <StatusBadge
          status={responseProgress({
            status: page.status,
            answerCount: page.tasks.sections.reduce((n, s) => n + s.answered, 0),
            acceptedAt: page.acceptedAt,
            returned: page.status === "draft" && lastReturn?.type === "returned",
          })}
        />
      </p>

      <ResponseNotices page={page} lastReturn={lastReturn} editable={editable} remarks={remarkLinks(page.definition, page.review, page.responseId)} />
      {page.status === "submitted" ? <PrintButton what={page.isRoundTable ? "het verslag" : "de ingevulde vragenlijst"} /> : null}

      {page.canReopen ? <ReopenForm revision={page.revision} isRoundTable={page.isRoundTable} actionData={actionData} /> : null}

      {page.canReview ? <ReviewStart subject={page.subject} actionData={actionData} /> : null}

      {editable ? (
        <section aria-labelledby="taken" className="page-section">
          <h2 id="taken" className="utrecht-heading-2">
            Onderdelen
          </h2>
          <TaskList tasks={page.tasks} sectionHref={(key) => sectionPath(page.responseId, key)} />
          {page.canSubmit ? (
            <p className="utrecht-paragraph">
              <Link className="utrecht-button utrecht-button--primary-action" to={submitPath(page.responseId)}>
                Controleren en indienen
              </Link>
            </p>
          ) : (
            <p className="utrecht-paragraph">U bereidt het concept voor; het programma vult het in het gesprek aan en dient het in.</p>
          )}
          <p className="muted">
            Laatst opgeslagen: {formatDateTime(page.updatedAt)}
            {page.updatedBy ? ` door ${page.updatedBy}` : ""}. Uw antwoorden worden bewaard; u kunt op elk moment stoppen en later verder.
          </p>
        </section>
      ) : page.answers ? (
        page.definition.sections.map((section) => (
          <ReadOnlySection
            key={section.key}
            definition={page.definition}
            section={section}
            answers={page.answers!}
            itemExtra={(item) =>
              page.canReview ? (
                <ReviewNoteField itemKey={item.key} label={questionNumber(item.key) ?? item.text} actionData={actionData} />
              ) : page.review?.notes[item.key] ? (
                <ReviewNote review={page.review} comment={page.review.notes[item.key]!} />
              ) : null
            }
          />
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

      {page.canReview ? <ReviewForm revision={page.revision} actionData={actionData} /> : null}

      {page.regionInput ? (
        <section aria-labelledby="regio-input" className="page-section">
          <h2 id="regio-input" className="utrecht-heading-2">
            Input van teams en gemeenten voor dit gesprek
          </h2>
          <p className="utrecht-paragraph">
            <Link className="utrecht-link" to={`/rondetafels/${page.regionInput.year}/${page.regionInput.regionId}/input`}>
              Wie gaf input, herinneren, en de input op een eigen pagina (om af te drukken)
            </Link>
          </p>
          <RegionInputView views={page.regionInput.views} headingLevel={3} />
        </section>
      ) : null}

      <ResponseHistory events={page.events} version={page.version} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
