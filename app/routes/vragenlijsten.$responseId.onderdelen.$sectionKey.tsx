import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, type ShouldRevalidateFunction } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { ReadOnlySection } from "../questionnaire/ui/ReadOnlyAnswers.tsx";
import { SectionForm } from "../questionnaire/ui/SectionForm.tsx";
import { requireResponseAccess, requireUser } from "../auth/guards.server.ts";
import { getDefinition, latestReview } from "../models/response.server.ts";
import { readFormData } from "../http/http.server.ts";
import { definitionForSection, loadAnswers, loadSectionForm, requireSection, saveSectionFromForm } from "../services/questionnaire-pages.server.ts";
import { sectionHeading } from "../questionnaire/definition.ts";
import { responsePath, sectionPath } from "../questionnaire/paths.ts";
import { subjectLabel } from "../questionnaire/subject.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${sectionHeading(data.section)} – ${data.subject} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { response, answersVisible, canEdit, lockedReason } = await requireResponseAccess(context, user, params.responseId, "view");
  const { definition, answers } = await loadAnswers(context.db, response, answersVisible);
  const section = requireSection(definition, params.sectionKey);
  const index = definition.sections.indexOf(section);
  const url = new URL(request.url);
  const editable = canEdit && response.status === "draft";
  const form =
    editable && answers
      ? await loadSectionForm(context.db, { user, response, definition, section, answers, path: url.pathname, check: url.searchParams.has("controle") })
      : null;
  return {
    responseId: response.id,
    subject: subjectLabel(response),
    roundName: response.round_name,
    status: response.status,
    definition: definitionForSection(definition, section),
    section,
    position: { index: index + 1, count: definition.sections.length },
    // The neighbours are links: their key and title, not their questions (serialised into every page otherwise).
    previous: neighbour(definition.sections[index - 1]),
    next: neighbour(definition.sections[index + 1]),
    // The answers go to the page only when it shows them read-only; the form carries its own values.
    answers: form ? null : answers,
    form,
    savedNotice: url.searchParams.has("opgeslagen"),
    // A returned scan: the gemeente's remarks beside its questions.
    review: form && response.team_id !== null ? await latestReview(context.db, response.id) : null,
    lockedReason,
  };
}

const neighbour = (section: { key: string; title: string } | undefined) => (section ? { key: section.key, title: section.title } : null);

export async function action({ request, params, context }: ActionFunctionArgs) {
  // This page restores what was posted when the session had expired (after logging in again).
  const user = await requireUser(request, context, { keepPostedInput: true });
  const { response } = await requireResponseAccess(context, user, params.responseId, "edit");
  // Only the definition: the answers are read once, by the save itself.
  const definition = await getDefinition(context.db, response.questionnaire_version_id);
  const section = requireSection(definition, params.sectionKey);
  const form = await readFormData(request);
  const path = new URL(request.url).pathname;
  const outcome = await saveSectionFromForm(context.db, { user, response, definition, section, form, path });
  if (outcome.kind !== "saved") {
    return data({ ...outcome, savedAt: outcome.kind === "partial" ? outcome.savedAt : null }, { status: outcome.status });
  }
  const index = definition.sections.indexOf(section);
  switch (outcome.intent) {
    case "autosave":
      return { kind: outcome.kind, revision: outcome.revision, savedAt: outcome.savedAt, errors: {}, values: null, conflicts: [] };
    case "next":
    case "previous": {
      const to = definition.sections[outcome.intent === "next" ? index + 1 : index - 1];
      throw redirect(to ? sectionPath(response.id, to.key) : responsePath(response.id));
    }
    case "overview":
      throw redirect(`${responsePath(response.id)}?opgeslagen=1`);
    default:
      throw redirect(`${sectionPath(response.id, section.key)}?opgeslagen=1`);
  }
}

// Autosave posts through a fetcher; reloading the page's data after each one would only cost time.
export const shouldRevalidate: ShouldRevalidateFunction = ({ formData, defaultShouldRevalidate }) =>
  formData?.get("intent") === "autosave" ? false : defaultShouldRevalidate;

export default function SectionPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const overview = responsePath(page.responseId);
  return (
    <>
      <Breadcrumbs items={[{ to: overview, label: `${page.subject}: ${page.roundName}` }, { label: sectionHeading(page.section) }]} />
      <p className="muted">
        Onderdeel {page.position.index} van {page.position.count}
      </p>
      <h1 className="utrecht-heading-1">{sectionHeading(page.section)}</h1>
      {page.section.intro ? <p className="utrecht-paragraph lead">{page.section.intro}</p> : null}

      {page.form ? (
        <SectionForm
          key={`${page.responseId}-${page.section.key}`}
          definition={page.definition}
          section={page.section}
          values={actionData?.values ?? page.form.values}
          context={page.form.context}
          revision={actionData?.revision ?? page.form.revision}
          serverErrors={actionData?.errors ?? page.form.errors}
          conflicts={actionData?.conflicts ?? []}
          checkMode={Object.keys(page.form.errors).length > 0}
          restoredAt={page.form.restoredAt}
          savedNotice={page.savedNotice && !actionData}
          actionKey={actionData}
          hasNext={page.next !== null}
          hasPrevious={page.previous !== null}
          review={page.review?.type === "returned" ? page.review : null}
          refused={actionData && actionData.kind !== "saved" ? actionData.kind : undefined}
        />
      ) : page.answers ? (
        <>
          <div className="notice" role="status">
            <p>
              {page.lockedReason ??
                (page.status === "submitted"
                  ? "Deze vragenlijst is ingediend en kan niet meer worden gewijzigd."
                  : "U kunt deze vragenlijst bekijken, maar niet wijzigen.")}
            </p>
          </div>
          <ReadOnlySection definition={page.definition} section={page.section} answers={page.answers} />
        </>
      ) : (
        <div className="notice" role="status">
          <p>Deze vragenlijst is nog niet ingediend. De antwoorden zijn te zien zodra ze zijn ingediend.</p>
        </div>
      )}

      {page.form ? null : (
        <nav aria-label="Onderdelen" className="form-actions">
          {page.previous ? (
            <Link className="utrecht-link" to={sectionPath(page.responseId, page.previous.key)}>
              Vorig onderdeel: {sectionHeading(page.previous)}
            </Link>
          ) : null}
          <Link className="utrecht-link" to={overview}>
            Naar het overzicht
          </Link>
          {page.next ? (
            <Link className="utrecht-link" to={sectionPath(page.responseId, page.next.key)}>
              Volgend onderdeel: {sectionHeading(page.next)}
            </Link>
          ) : null}
        </nav>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
