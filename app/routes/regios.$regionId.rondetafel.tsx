import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { countOf, formatDate, formatDateTime } from "../domain/format.ts";
import { requireRegionLead, requireUser } from "../auth/guards.server.ts";
import { regionRoundTables } from "../models/rondetafel.server.ts";
import { inputOverview } from "../models/round-table-input.server.ts";
import { DataTable } from "../components/DataTable.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Rondetafelgesprekken regio ${data.region.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const region = await requireRegionLead(context, user, params.regionId);
  const years = await regionRoundTables(context.db, region.id);
  return {
    region,
    years: await Promise.all(years.map(async (y) => ({ ...y, input: (await inputOverview(context.db, y.round_id)).get(region.id) ?? null }))),
  };
}

export default function RegionRoundTables() {
  const { region, years } = useLoaderData<typeof loader>();
  return (
    <>
      <Breadcrumbs items={[{ to: `/regios/${region.id}`, label: `Regio ${region.name}` }, { label: "Rondetafelgesprekken" }]} />
      <h1 className="utrecht-heading-1">Rondetafel&shy;gesprekken van regio {region.name}</h1>
      <p className="utrecht-paragraph lead">
        De vastgelegde antwoorden per jaar. Vóór een gesprek kunt u een concept voorbereiden; het programma vult het in het gesprek aan en dient het in.
      </p>
      {years.length === 0 ? (
        <p className="utrecht-paragraph">Er zijn nog geen rondetafelgesprekken gepland.</p>
      ) : (
        <DataTable caption="Rondetafelgesprekken per jaar">
          <thead>
            <tr>
              <th scope="col">Jaar</th>
              <th scope="col">Verslag</th>
              <th scope="col">
                <span className="visually-hidden">Openen</span>
              </th>
              <th scope="col">Input van teams en gemeenten</th>
            </tr>
          </thead>
          <tbody>
            {years.map((y) => (
              <tr key={y.year}>
                <th scope="row">{y.year}</th>
                <td>
                  <StatusBadge status={y.status === "submitted" ? "submitted" : y.response_id ? "in_progress" : "not_started"} />
                  {y.submitted_at ? ` op ${formatDateTime(y.submitted_at)}` : ""}
                </td>
                <td>
                  <Link className="utrecht-link" to={`/rondetafels/${y.year}/${region.id}`}>
                    {y.status === "submitted" ? "Bekijken" : y.response_id ? "Verder voorbereiden" : "Voorbereiden"}
                    <span className="visually-hidden"> ({y.year})</span>
                  </Link>
                </td>
                <td>
                  {y.input?.deadline ? (
                    <>
                      <Link className="utrecht-link" to={`/rondetafels/${y.year}/${region.id}/input`}>
                        {countOf(y.input.teamsSubmitted, y.input.teams, "team", "teams")},{" "}
                        {countOf(y.input.municipalitiesSubmitted, y.input.municipalities, "gemeente", "gemeenten")}
                        <span className="visually-hidden"> ({y.year})</span>
                      </Link>
                      <span className="task-list__hint">tot en met {formatDate(y.input.deadline)}</span>
                    </>
                  ) : (
                    "niet gevraagd"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </DataTable>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
