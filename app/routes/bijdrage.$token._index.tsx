import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { linkLasts } from "../domain/conversation.ts";
import { dayOf } from "../domain/format.ts";
import { TaskList } from "../questionnaire/ui/TaskList.tsx";
import { professionalOverview, requireOpenLink } from "../services/professional-pages.server.ts";

// A professional's own link: their view of the team's work, anonymous, without an account (decision 79).

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Uw kijk op ${data.teamName} – Werken aan veiligheid` : "Uw kijk op het team – Werken aan veiligheid" },
];

export async function loader({ params, context }: LoaderFunctionArgs) {
  const link = await requireOpenLink(context.db, params.token, context.clientAddress ?? "onbekend");
  const { tasks } = await professionalOverview(context.db, link);
  return { token: link.token, teamName: link.teamName, roundName: link.roundName, closesOn: link.closesOn, today: dayOf(), tasks };
}

export default function ProfessionalStart() {
  const page = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">Uw kijk op {page.teamName}</h1>
      <p className="utrecht-paragraph lead">Zelfscan Kwaliteitskader Werken aan veiligheid · {page.roundName}</p>
      <div className="notice" role="note">
        <p>
          <strong>Anoniem.</strong> Uw antwoorden worden niet bij uw naam of e-mailadres bewaard. Het team ziet alleen hoe vaak elk antwoord is gegeven, en pas
          als ten minste drie collega's hebben gereageerd; toelichtingen ziet het zonder datum of volgorde. Schrijf in een toelichting geen namen van gezinnen
          of collega's.
        </p>
      </div>
      <p className="utrecht-paragraph">
        Geef per thema aan hoe u het werk van het team ziet. Weet u iets niet, kies dan "Weet niet" of sla de vraag over. Uw antwoorden worden bewaard terwijl u
        werkt: u kunt stoppen en later met dezelfde link verder, {linkLasts(page.closesOn, page.today)} of tot u indient.
      </p>
      <section aria-labelledby="onderdelen" className="page-section">
        <h2 id="onderdelen" className="utrecht-heading-2">
          Onderdelen
        </h2>
        <TaskList
          tasks={page.tasks}
          sectionHref={(key) => `/bijdrage/${page.token}/onderdelen/${key}`}
          summary={`U heeft ${page.tasks.sections.filter((s) => s.answered > 0).length} van de ${page.tasks.sections.length} onderdelen ingevuld. Geen vraag is verplicht: vul in wat u weet en dien in wanneer u klaar bent.`}
        />
        <p className="utrecht-paragraph">
          <Link className="utrecht-button utrecht-button--primary-action" to={`/bijdrage/${page.token}/indienen`}>
            Controleren en indienen
          </Link>
        </p>
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
