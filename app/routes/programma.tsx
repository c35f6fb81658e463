import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { ProgressTable, type ProgressRow } from "../components/ProgressTable.tsx";
import { requireRole } from "../authorization.server.ts";
import { progressByMunicipality } from "../models/progress-summary.server.ts";

export const meta: MetaFunction = () => [{ title: "Landelijk overzicht – Werken aan veiligheid" }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireRole(request, context, ["programma"]);
  const { round, municipalities } = await progressByMunicipality(context.db);
  const regions = new Map<number, ProgressRow & { municipalities: number; municipalSubmitted: number }>();
  for (const m of municipalities) {
    const region = regions.get(m.regionId) ?? {
      id: m.regionId,
      name: m.regionName,
      href: `/regios/${m.regionId}`,
      teams: 0,
      submitted: 0,
      inProgress: 0,
      municipal: "",
      municipalities: 0,
      municipalSubmitted: 0,
    };
    region.teams += m.teams;
    region.submitted += m.submitted;
    region.inProgress += m.inProgress;
    region.municipalities += 1;
    region.municipalSubmitted += m.municipalProgress === "submitted" ? 1 : 0;
    region.municipal = `${region.municipalSubmitted} van ${region.municipalities} ingediend`;
    regions.set(m.regionId, region);
  }
  return { round, regions: [...regions.values()] };
}

export default function ProgrammaPage() {
  const { round, regions } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">Landelijk overzicht</h1>
      <p className="utrecht-paragraph lead">
        Als programmamedewerker van Geweld hoort nergens thuis ziet u alle 28 regio's. Kies een regio om de gemeenten en teams te zien; ingediende zelfscans kunt u
        lezen.
      </p>
      <p className="utrecht-paragraph muted">
        De rondetafelgesprekken, het landelijke dashboard, de fasen van de regio's en het beheer van rondes, vragenlijsten en accounts volgen in een volgende versie.
      </p>
      {round ? (
        <section aria-labelledby="regios" className="page-section">
          <h2 id="regios" className="utrecht-heading-2">
            {round.name}: voortgang per regio
          </h2>
          <ProgressTable caption="Voortgang van de zelfscan per regio" nameHeader="Regio" municipalHeader="Gemeentelijk deel" rows={regions} />
        </section>
      ) : (
        <p className="utrecht-paragraph">Er is op dit moment geen zelfscanronde open.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
