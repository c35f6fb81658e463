import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { ProgressTable } from "../components/ProgressTable.tsx";
import { requireRegionAccess, requireUser } from "../authorization.server.ts";
import { progressByMunicipality } from "../models/progress-summary.server.ts";

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: data ? `Regio ${data.region.name} – Werken aan veiligheid` : "Werken aan veiligheid" }];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const region = await requireRegionAccess(context, user, params.regionId);
  const { round, municipalities } = await progressByMunicipality(context.db, region.id);
  return { region, round, municipalities, isProgramma: user.role === "programma" };
}

export default function RegionPage() {
  const { region, round, municipalities, isProgramma } = useLoaderData<typeof loader>();
  const totals = municipalities.reduce(
    (acc, m) => ({ teams: acc.teams + m.teams, submitted: acc.submitted + m.submitted, municipal: acc.municipal + (m.municipalProgress === "submitted" ? 1 : 0) }),
    { teams: 0, submitted: 0, municipal: 0 },
  );
  return (
    <>
      {isProgramma ? <Breadcrumbs items={[{ to: "/programma", label: "Landelijk overzicht" }, { label: `Regio ${region.name}` }]} /> : null}
      <h1 className="utrecht-heading-1">Regio {region.name}</h1>
      <p className="utrecht-paragraph lead">
        Hier volgt u de zelfscan in de regio: per gemeente hoeveel lokale teams hebben ingediend en hoe ver de gemeente is met haar eigen deel. Kies een gemeente om de
        teams te zien en ingediende zelfscans te lezen.
      </p>
      <p className="utrecht-paragraph muted">
        De fasen van de routekaart, de resultaten per thema en de bevindingen volgen in een volgende versie van deze toepassing.
      </p>
      {!round ? (
        <p className="utrecht-paragraph">Er is op dit moment geen zelfscanronde open.</p>
      ) : (
        <section aria-labelledby="voortgang" className="page-section">
          <h2 id="voortgang" className="utrecht-heading-2">
            {round.name}: voortgang per gemeente
          </h2>
          <p className="utrecht-paragraph">
            {totals.submitted} van {totals.teams} teams hebben ingediend; {totals.municipal} van {municipalities.length} gemeenten hebben hun gemeentelijke deel ingediend.
          </p>
          <ProgressTable
            caption={`Voortgang van de zelfscan per gemeente in regio ${region.name}`}
            nameHeader="Gemeente"
            municipalHeader="Gemeentelijk deel"
            rows={municipalities.map((m) => ({ ...m, href: `/gemeenten/${m.id}`, municipal: m.municipalLabel }))}
          />
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
