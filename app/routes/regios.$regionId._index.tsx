import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { PhasePanel } from "../components/PhasePanel.tsx";
import { ProgressTable } from "../components/ProgressTable.tsx";
import { requireRegionLead, requireUser } from "../auth/guards.server.ts";
import { readForm } from "../http/form.server.ts";
import { phaseChangeSchema } from "../forms/phase.ts";
import { currentPhase, phaseLog, regionSnapshot } from "../models/phase.server.ts";
import { changePhase } from "../services/phases.server.ts";
import { roundForNewCycle } from "../models/cycles.server.ts";
import { progressByMunicipality } from "../models/progress-summary.server.ts";
import { conditionsToAdvance, decideTransition } from "../domain/phases.ts";
import { countOf, dayOf } from "../domain/format.ts";
import { isRoundOpen } from "../domain/cycles.ts";
import { readReminderQuery } from "../domain/reminders.ts";
import { ReminderLink, ReminderSent } from "../components/ZelfscanReminder.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Regio ${data.region.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const region = await requireRegionLead(context, user, params.regionId);
  const { round, municipalities } = await progressByMunicipality(context.db, region.id);
  const { phase, since } = await currentPhase(context.db, region.id);
  const snapshot = await regionSnapshot(context.db, region.id);
  return {
    region,
    round,
    municipalities,
    isProgramma: user.role === "programma",
    phase,
    since,
    conditions: conditionsToAdvance(phase, snapshot),
    canAdvance: decideTransition(phase, { kind: "advance" }, snapshot, user).ok,
    canStartCycle: decideTransition(phase, { kind: "cycle" }, snapshot, user).ok,
    newCycleRound: snapshot.newRoundOpen ? ((await roundForNewCycle(context.db, region.id))?.name ?? null) : null,
    log: await phaseLog(context.db, region.id),
    changed: new URL(request.url).searchParams.has("fase-gewijzigd"),
    reminded: readReminderQuery(new URL(request.url).searchParams),
    remindable: round !== null && isRoundOpen(round, dayOf()),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const region = await requireRegionLead(context, user, params.regionId);
  const submission = await readForm(request, phaseChangeSchema);
  const reason = submission.values.reason ?? "";
  if (!submission.ok) return data({ errors: Object.values(submission.errors), reason }, { status: 400 });
  const result = await changePhase(context.db, { regionId: region.id, actor: user, ...submission.data, origin: context.config.publicOrigin });
  if (!result.ok) return data({ errors: result.errors, reason }, { status: result.status });
  throw redirect(`/regios/${region.id}?fase-gewijzigd=1#fase`);
}

export default function RegionPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { region, round, municipalities } = page;
  const totals = municipalities.reduce(
    (acc, m) => ({
      teams: acc.teams + m.teams,
      submitted: acc.submitted + m.submitted,
      municipal: acc.municipal + (m.municipalProgress === "submitted" ? 1 : 0),
    }),
    { teams: 0, submitted: 0, municipal: 0 },
  );
  return (
    <>
      {page.isProgramma ? <Breadcrumbs items={[{ to: "/programma", label: "Landelijk overzicht" }, { label: `Regio ${region.name}` }]} /> : null}
      <h1 className="utrecht-heading-1">Regio {region.name}</h1>
      <p className="utrecht-paragraph lead">
        Hier volgt u de regio op de routekaart van het kwaliteitskader: de fase, de voortgang van de zelfscan per gemeente, de resultaten, de bevindingen en de
        verbeterplannen.
      </p>
      <nav aria-label="Regio" className="form-actions">
        <Link className="utrecht-link" to={`/regios/${region.id}/resultaten`}>
          Resultaten van de zelfscan
        </Link>
        <Link className="utrecht-link" to={`/regios/${region.id}/bevindingen`}>
          Bevindingen (analyse)
        </Link>
        <Link className="utrecht-link" to={`/regios/${region.id}/verbeterplannen`}>
          Verbeterplannen van de gemeenten
        </Link>
        <Link className="utrecht-link" to={`/regios/${region.id}/rondetafel`}>
          Rondetafelgesprekken
        </Link>
      </nav>
      {page.changed && !actionData ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>De fase is gewijzigd.</strong> De wijziging staat in de geschiedenis hieronder.
          </p>
        </div>
      ) : null}
      <PhasePanel
        phase={page.phase}
        since={page.since}
        conditions={page.conditions}
        canAdvance={page.canAdvance}
        canStartCycle={page.canStartCycle}
        newCycleRound={page.newCycleRound}
        isProgramma={page.isProgramma}
        log={page.log}
        errors={actionData?.errors ?? []}
        reason={actionData?.reason ?? ""}
        actionKey={actionData}
      />
      {!round ? (
        <p className="utrecht-paragraph">Er is op dit moment geen zelfscanronde open.</p>
      ) : (
        <section aria-labelledby="voortgang" className="page-section">
          <h2 id="voortgang" className="utrecht-heading-2">
            {round.name}: voortgang per gemeente
          </h2>
          <p className="utrecht-paragraph">
            {countOf(totals.submitted, totals.teams, "team", "teams", ["heeft", "hebben"])} ingediend;{" "}
            {countOf(totals.municipal, municipalities.length, "gemeente", "gemeenten", ["heeft", "hebben"])} {totals.municipal === 1 ? "haar" : "hun"}{" "}
            gemeentelijke deel ingediend.
          </p>
          <ProgressTable
            caption={`Voortgang van de zelfscan per gemeente in regio ${region.name}`}
            nameHeader="Gemeente"
            municipalHeader="Gemeentelijk deel"
            rows={municipalities.map((m) => ({ ...m, href: `/gemeenten/${m.id}`, municipal: m.municipalLabel }))}
          />
          <ReminderSent counts={page.reminded} />
          {page.remindable && (totals.submitted < totals.teams || totals.municipal < municipalities.length) ? (
            <ReminderLink to={`/regios/${region.id}/herinneren`} whom="de gemeenten en teams" />
          ) : null}
        </section>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
