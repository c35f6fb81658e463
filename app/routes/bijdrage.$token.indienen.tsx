import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { sectionHeading } from "../questionnaire/definition.ts";
import { ReadOnlySection } from "../questionnaire/ui/ReadOnlyAnswers.tsx";
import { professionalOverview, requireOpenLink, submitProfessionalView } from "../services/professional-pages.server.ts";

// Check, then submit: every answer per section with a link to change it, and only then the button. Once
// submitted the link is spent; the thank-you page carries no link.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Controleren en indienen – Uw kijk op ${data.teamName} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const link = await requireOpenLink(context.db, params.token, context.clientAddress ?? "onbekend");
  const { answers, tasks } = await professionalOverview(context.db, link);
  return { token: link.token, teamName: link.teamName, definition: link.definition, answers, answered: tasks.sections.reduce((n, s) => n + s.answered, 0) };
}

export async function action({ params, context }: ActionFunctionArgs) {
  const link = await requireOpenLink(context.db, params.token, context.clientAddress ?? "onbekend");
  // Of two submits at once, one stores the view; the other finds the link spent and lands on the same page
  // (a submit after the first was done is told the link was used).
  await submitProfessionalView(context.db, link);
  throw redirect("/bijdrage-ontvangen");
}

export default function ProfessionalSubmit() {
  const page = useLoaderData<typeof loader>();
  const busy = useNavigation().state === "submitting";
  const base = `/bijdrage/${page.token}`;
  return (
    <>
      <h1 className="utrecht-heading-1">Controleren en indienen</h1>
      <p className="utrecht-paragraph lead">Uw kijk op {page.teamName}</p>
      <p className="utrecht-paragraph">
        Hieronder staan uw antwoorden. Klopt er iets niet, kies dan Wijzigen bij het onderdeel. Na het indienen kunt u niets meer wijzigen; de link werkt dan
        niet meer.
      </p>
      {page.definition.sections.map((section) => (
        <section key={section.key} aria-labelledby={`controle-${section.key}`} className="page-section">
          <h2 id={`controle-${section.key}`} className="utrecht-heading-2">
            {sectionHeading(section)}{" "}
            <Link className="utrecht-link" to={`${base}/onderdelen/${section.key}`}>
              Wijzigen<span className="visually-hidden"> ({sectionHeading(section)})</span>
            </Link>
          </h2>
          <ReadOnlySection definition={page.definition} section={section} answers={page.answers} headingLevel={3} />
        </section>
      ))}
      <Form method="post" className="form-actions">
        <p className="utrecht-paragraph">{page.answered === 0 ? "U heeft nog geen vraag beantwoord. " : ""}Wilt u uw kijk nu indienen?</p>
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          Indienen
        </button>
        <Link className="utrecht-link" to={base}>
          Terug naar het overzicht
        </Link>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
