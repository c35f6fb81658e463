import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { countOf, dayOf, formatDate } from "../domain/format.ts";
import { ACTION_STATUS_LABEL, isOverdue } from "../domain/plan.ts";
import { requireRegionLead, requireUser } from "../auth/guards.server.ts";
import { cycleRoundId } from "../models/cycles.server.ts";
import { listRegionPlans } from "../models/plan.server.ts";
import { getRound } from "../models/rounds.server.ts";
import { DataTable } from "../components/DataTable.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Verbeterplannen regio ${data.region.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const region = await requireRegionLead(context, user, params.regionId);
  const roundId = await cycleRoundId(context.db, region.id);
  const round = roundId ? await getRound(context.db, roundId) : undefined;
  const today = dayOf();
  const plans = round ? await listRegionPlans(context.db, region.id, round.id) : [];
  return {
    region,
    round: round ?? null,
    plans: plans.map((p) => ({ ...p, actions: p.actions.map((a) => ({ ...a, overdue: isOverdue(a, today) })) })),
  };
}

export default function RegionPlans() {
  const { region, round, plans } = useLoaderData<typeof loader>();
  const overdue = plans.reduce((n, p) => n + p.actions.filter((a) => a.overdue).length, 0);
  return (
    <>
      <Breadcrumbs items={[{ to: `/regios/${region.id}`, label: `Regio ${region.name}` }, { label: "Verbeterplannen" }]} />
      <h1 className="utrecht-heading-1">Verbeterplannen in regio {region.name}</h1>
      <p className="utrecht-paragraph lead">
        {round ? round.name : "Geen ronde"} · {countOf(plans.filter((p) => p.adopted_at).length, plans.length, "gemeente", "gemeenten", ["heeft", "hebben"])}{" "}
        een vastgesteld plan · {overdue} {overdue === 1 ? "actie is" : "acties zijn"} over de datum
      </p>
      {plans.map((plan) => (
        <section key={plan.id} aria-labelledby={`plan-${plan.id}`} className="page-section">
          <h2 id={`plan-${plan.id}`} className="utrecht-heading-3">
            <Link className="utrecht-link" to={`/gemeenten/${plan.id}/verbeterplan`}>
              {plan.name}
            </Link>
            : {plan.adopted_at ? `vastgesteld op ${formatDate(plan.adopted_at)}` : plan.plan_id ? "concept" : "nog geen plan"}
          </h2>
          {plan.actions.length ? (
            <DataTable caption={<>Acties van gemeente {plan.name}</>}>
              <thead>
                <tr>
                  <th scope="col">Thema</th>
                  <th scope="col">Actie</th>
                  <th scope="col">Eigenaar</th>
                  <th scope="col">Gereed op</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {plan.actions.map((a) => (
                  <tr key={a.id}>
                    <td>{a.theme_key}</td>
                    <th scope="row">{a.title}</th>
                    <td>{a.owner_team_name ?? a.owner_name}</td>
                    <td>
                      {formatDate(a.due_on)}
                      {a.overdue ? <strong className="overdue"> Te laat</strong> : null}
                    </td>
                    <td>
                      {ACTION_STATUS_LABEL[a.status]}
                      {a.progress_note ? <span className="task-list__hint">{a.progress_note}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          ) : null}
        </section>
      ))}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
