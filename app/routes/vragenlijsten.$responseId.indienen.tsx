import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "../forms/zod.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { fieldId } from "../questionnaire/ui/QuestionField.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { requireAllowed, requireResponseAccess, requireUser } from "../auth/guards.server.ts";
import { submitChange } from "../domain/policy.ts";
import { readForm } from "../http/form.server.ts";
import { REVISION_MISSING, revisionField } from "../forms/fields.ts";
import { getAnswers, getDefinition } from "../models/response.server.ts";
import { checkComplete, submitChecked, type MissingAnswer } from "../services/questionnaire-pages.server.ts";
import { responsePath, sectionPath } from "../questionnaire/paths.ts";
import { questionNumber, sectionHeading } from "../questionnaire/definition.ts";
import { subjectLabel } from "../questionnaire/subject.ts";
import { ReadOnlySection } from "../questionnaire/ui/ReadOnlyAnswers.tsx";
import { PrintButton } from "../components/PrintButton.tsx";

const submitSchema = z.object({ revision: revisionField });

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Controleren en indienen – ${data.subject} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const { response, ...access } = await requireResponseAccess(context, user, params.responseId, "edit");
  if (response.status === "submitted") throw redirect(responsePath(response.id));
  requireAllowed(submitChange(access));
  // The one who submits fills it in: the answers are theirs to read (read once, for the check and the page).
  const definition = await getDefinition(context.db, response.questionnaire_version_id);
  const answers = await getAnswers(context.db, response.id);
  return {
    responseId: response.id,
    subject: subjectLabel(response),
    roundName: response.round_name,
    revision: response.revision,
    missing: checkComplete(definition, answers),
    // Every answer, to check before the irreversible step.
    definition,
    answers,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const { response, ...access } = await requireResponseAccess(context, user, params.responseId, "edit");
  requireAllowed(submitChange(access));
  const definition = await getDefinition(context.db, response.questionnaire_version_id);
  const submission = await readForm(request, submitSchema);
  if (!submission.ok) return data({ message: REVISION_MISSING, missing: [] as MissingAnswer[] }, { status: 400 });
  const outcome = await submitChecked(context.db, {
    user,
    response,
    definition,
    expectedRevision: submission.data.revision,
    origin: context.config.publicOrigin,
  });
  switch (outcome.kind) {
    case "submitted":
      throw redirect(`${responsePath(response.id)}?ingediend=1`);
    case "incomplete":
      return data({ message: "De vragenlijst is nog niet compleet. Beantwoord eerst de vragen hieronder.", missing: outcome.missing }, { status: 400 });
    default:
      return data({ message: outcome.message, missing: [] as MissingAnswer[] }, { status: 409 });
  }
}

function groupBySection(missing: MissingAnswer[]) {
  const groups = new Map<string, { title: string; items: MissingAnswer[] }>();
  for (const m of missing) {
    const group = groups.get(m.sectionKey) ?? { title: m.sectionTitle, items: [] };
    group.items.push(m);
    groups.set(m.sectionKey, group);
  }
  return [...groups.entries()];
}

export default function SubmitPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const missing = actionData?.missing.length ? actionData.missing : page.missing;
  return (
    <>
      <Breadcrumbs items={[{ to: responsePath(page.responseId), label: `${page.subject}: ${page.roundName}` }, { label: "Controleren en indienen" }]} />
      <h1 className="utrecht-heading-1">Controleren en indienen</h1>
      {actionData?.message && !actionData.missing.length ? (
        <ErrorSummary title="Niet ingediend" items={[{ target: "indienen", message: actionData.message }]} focusKey={actionData} />
      ) : null}
      {missing.length ? (
        <>
          <div className="notice notice--warn" role={actionData ? "alert" : "status"}>
            <p>
              <strong>Nog niet compleet.</strong> {missing.length === 1 ? "Er is nog 1 verplichte vraag" : `Er zijn nog ${missing.length} verplichte vragen`}{" "}
              niet (goed) beantwoord. Kies een vraag om ernaartoe te gaan.
            </p>
          </div>
          {groupBySection(missing).map(([key, group]) => (
            <section key={key} aria-labelledby={`ontbreekt-${key}`} className="page-section">
              <h2 id={`ontbreekt-${key}`} className="utrecht-heading-2">
                {sectionHeading({ key, title: group.title })}
              </h2>
              <ul className="utrecht-unordered-list">
                {group.items.map((m) => (
                  <li key={m.itemKey}>
                    <Link className="utrecht-link" to={`${sectionPath(page.responseId, key)}?controle=1#${fieldId(m.itemKey)}`}>
                      {questionNumber(m.itemKey) ? `${m.itemKey}: ` : ""}
                      {m.text}
                    </Link>{" "}
                    <span className="muted">({m.message})</span>
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      ) : (
        <>
          <p className="utrecht-paragraph">
            Alle verplichte vragen zijn beantwoord. Controleer hieronder uw antwoorden: na het indienen kunt u ze niet meer wijzigen, en zijn ze te zien voor
            wie ze mag lezen. Met "Wijzigen" gaat u naar het onderdeel; de knop Indienen staat onder de antwoorden.
          </p>
          <PrintButton what="uw antwoorden" />
          {page.definition.sections.map((section) => (
            <ReadOnlySection
              key={section.key}
              definition={page.definition}
              section={section}
              answers={page.answers}
              action={
                <p className="no-print">
                  <Link className="utrecht-link" to={`${sectionPath(page.responseId, section.key)}?controle=1`}>
                    Wijzigen<span className="visually-hidden"> ({sectionHeading(section)})</span>
                  </Link>
                </p>
              }
            />
          ))}
          <Form method="post" id="indienen" className="no-print">
            <input type="hidden" name="revision" value={page.revision} />
            <div className="form-actions">
              <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={navigation.state === "submitting"}>
                Indienen
              </button>
              <Link className="utrecht-link" to={responsePath(page.responseId)}>
                Terug naar het overzicht
              </Link>
            </div>
          </Form>
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
