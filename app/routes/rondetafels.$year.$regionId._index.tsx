import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type AppLoadContext } from "@remix-run/node";
import { Form, useLoaderData, useNavigation } from "@remix-run/react";
import { notFound } from "../http/http.server.ts";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { requireRegionLead, requireUser } from "../auth/guards.server.ts";
import { findResponseId } from "../models/response.server.ts";
import { getOrCreateRoundTable, parseYear, ROUND_TABLE_QUESTIONNAIRE, roundTableRound } from "../models/rondetafel.server.ts";
import { responsePath } from "../questionnaire/paths.ts";

// A region's round-table record of a year, for programma and the region's own lead. Opening it
// (GET) never writes: an existing record opens, otherwise the page offers to start it, which is a
// POST (the record starts with the region's phase prefilled).

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Rondetafelgesprek ${data.year} – ${data.regionName} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

async function recordOf(request: Request, context: AppLoadContext, params: { year?: string; regionId?: string }) {
  const user = await requireUser(request, context);
  const region = await requireRegionLead(context, user, params.regionId);
  const year = parseYear(params.year);
  const round = year ? await roundTableRound(context.db, year) : undefined;
  if (!year || !round) notFound();
  const existing = await findResponseId(context.db, round.id, ROUND_TABLE_QUESTIONNAIRE, { regionId: region.id });
  return { user, region, year, round, existing };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { region, year, existing } = await recordOf(request, context, params);
  if (existing) throw redirect(responsePath(existing));
  return { year, regionName: region.name };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, region, round, existing } = await recordOf(request, context, params);
  // Posted twice (two tabs, a double click): the second opens the record the first made.
  const id = existing ?? (await getOrCreateRoundTable(context.db, { roundId: round.id, regionId: region.id, userId: user.id }));
  throw redirect(responsePath(id));
}

export default function StartRoundTable() {
  const { year, regionName } = useLoaderData<typeof loader>();
  const navigation = useNavigation();
  return (
    <>
      <h1 className="utrecht-heading-1">
        Rondetafelgesprek {year}: {regionName}
      </h1>
      <p className="utrecht-paragraph lead">
        Er is nog geen verslag van dit gesprek. Begin het verslag; de fase van de regio staat er dan al in, zoals deze toepassing die kent.
      </p>
      <Form method="post">
        <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={navigation.state === "submitting"}>
          Verslag beginnen
        </button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
