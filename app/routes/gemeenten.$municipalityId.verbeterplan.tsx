import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { ErrorSummary } from "../components/ErrorSummary.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { dayOf, formatDate } from "../domain/format.ts";
import { actionSchema, progressSchema } from "../forms/plan.ts";
import { refusalOf, requireMunicipalityAccess, requireUser } from "../auth/guards.server.ts";
import { isOwnMunicipality, planChange } from "../domain/policy.ts";
import { parseForm } from "../forms/submission.ts";
import type { FieldErrors } from "../forms/field-errors.ts";
import { readFormData } from "../http/http.server.ts";
import { getAnalysis } from "../models/analysis.server.ts";
import { currentPhase } from "../models/phase.server.ts";
import { cycleRoundId } from "../models/cycles.server.ts";
import { addAction, adoptPlan, getPlan, updateActionProgress } from "../models/plan.server.ts";
import { roundThemes } from "../models/results.server.ts";
import { getRound } from "../models/rounds.server.ts";
import { phaseLabel } from "../domain/phases.ts";
import { listActiveTeams } from "../models/organisation.server.ts";
import { ActionForm } from "../components/ActionForm.tsx";
import { PlanActionsTable } from "../components/PlanActionsTable.tsx";
import { PlanHistory } from "../components/PlanHistory.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Verbeterplan ${data.municipality.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

async function load(context: Parameters<typeof requireMunicipalityAccess>[0], municipality: { id: number; region_id: number }) {
  const roundId = await cycleRoundId(context.db, municipality.region_id);
  const round = roundId ? await getRound(context.db, roundId) : undefined;
  const { phase } = await currentPhase(context.db, municipality.region_id);
  if (!round) return { round: null, phase, themes: [], points: [], teams: [], plan: null };
  const teams = await listActiveTeams(context.db, municipality.id);
  return {
    round,
    phase,
    themes: await roundThemes(context.db, round.id),
    points: (await getAnalysis(context.db, municipality.region_id, round.id)).points,
    teams,
    plan: await getPlan(context.db, municipality.id, round.id),
  };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const municipality = await requireMunicipalityAccess(context, user, params.municipalityId);
  const loaded = await load(context, municipality);
  const state = { phase: loaded.phase, adopted: Boolean(loaded.plan?.adopted_at) };
  return {
    municipality,
    ...loaded,
    isOwn: isOwnMunicipality(user, municipality.id),
    canAdd: planChange(user, municipality.id, "add-action", state).allowed,
    canUpdate: planChange(user, municipality.id, "progress", state).allowed,
    today: dayOf(),
    notice: new URL(request.url).searchParams.get("gewijzigd"),
  };
}

const intentSchema = z.object({ intent: z.enum(["add", "adopt", "progress"], "Onbekende handeling: er is niets gewijzigd.") });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const municipality = await requireMunicipalityAccess(context, user, params.municipalityId);
  const { round, phase, themes, plan } = await load(context, municipality);
  const form = await readFormData(request);
  const chosen = parseForm(form, intentSchema);
  const values = chosen.values;
  const fail = (errors: FieldErrors, status = 400) => data({ intent: values.intent ?? "", errors, values }, { status });
  if (!chosen.ok) return fail({ form: "Onbekende handeling: er is niets gewijzigd." });
  const { intent } = chosen.data;
  const refused = refusalOf(planChange(user, municipality.id, intent === "add" ? "add-action" : intent, { phase, adopted: Boolean(plan?.adopted_at) }));
  if (!round) return fail({ form: "Er is geen zelfscanronde." }, 409);
  if (refused) return fail({ form: refused }, 409);
  const base = `/gemeenten/${municipality.id}/verbeterplan`;

  switch (intent) {
    case "add": {
      const submission = parseForm(form, actionSchema(themes.map((t) => t.key)));
      if (!submission.ok) return fail(submission.errors);
      const a = submission.data;
      const added = await addAction(context.db, {
        municipalityId: municipality.id,
        roundId: round.id,
        userId: user.id,
        action: { theme: a.theme, pointId: a.point, title: a.title, ownerTeamId: a.ownerTeam, ownerName: a.ownerName || null, due: a.due, status: a.status },
      });
      if (!added.ok) return fail(added.errors);
      throw redirect(`${base}?gewijzigd=toegevoegd`);
    }
    case "adopt": {
      const result = await adoptPlan(context.db, { municipalityId: municipality.id, roundId: round.id, userId: user.id });
      if (!result.ok) return fail({ form: result.message });
      throw redirect(`${base}?gewijzigd=vastgesteld`);
    }
    case "progress": {
      const submission = parseForm(form, progressSchema);
      if (!submission.ok) return fail(submission.errors);
      const result = await updateActionProgress(context.db, {
        municipalityId: municipality.id,
        roundId: round.id,
        actionId: submission.data.action,
        status: submission.data.status,
        note: submission.data.note || null,
        userId: user.id,
      });
      if (!result.ok) return fail({ form: result.message }, 404);
      throw redirect(`${base}?gewijzigd=bijgewerkt`);
    }
  }
}

const NOTICE: Record<string, string> = {
  toegevoegd: "De actie is toegevoegd.",
  vastgesteld: "Het verbeterplan is vastgesteld.",
  bijgewerkt: "De voortgang is bijgewerkt.",
};

export default function PlanPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const crumbs = [{ to: `/gemeenten/${page.municipality.id}`, label: `Gemeente ${page.municipality.name}` }, { label: "Verbeterplan" }];
  if (!page.round) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <h1 className="utrecht-heading-1">Verbeterplan</h1>
        <p className="utrecht-paragraph">Er is nog geen zelfscanronde.</p>
      </>
    );
  }
  const errors: FieldErrors = actionData?.errors ?? {};
  const v = actionData?.intent === "add" ? actionData.values : {};
  const { canAdd, canUpdate } = page;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1 className="utrecht-heading-1">Verbeterplan gemeente {page.municipality.name}</h1>
      <p className="utrecht-paragraph lead">
        {page.round.name} · regio in fase: {phaseLabel(page.phase)} ·{" "}
        {page.plan?.adopted_at
          ? `vastgesteld op ${formatDate(page.plan.adopted_at)}${page.plan.adopted_by_name ? ` door ${page.plan.adopted_by_name}` : ""}`
          : "nog niet vastgesteld"}
      </p>
      {page.notice && NOTICE[page.notice] && !actionData ? (
        <div className="notice notice--ok" role="status">
          <p>{NOTICE[page.notice]}</p>
        </div>
      ) : null}
      <ErrorSummary
        items={Object.entries(errors).map(([name, message]) => ({ target: name === "form" ? "acties" : `veld-${name}`, message }))}
        focusKey={actionData}
      />

      <section aria-labelledby="acties" className="page-section">
        <h2 id="acties" className="utrecht-heading-2" tabIndex={-1}>
          Acties
        </h2>
        {!page.plan || page.plan.actions.length === 0 ? (
          <p className="utrecht-paragraph">Nog geen acties.</p>
        ) : (
          <PlanActionsTable actions={page.plan.actions} today={page.today} canUpdate={canUpdate} busy={busy} />
        )}
        {canAdd && page.plan && page.plan.actions.length > 0 ? (
          <Form method="post">
            <input type="hidden" name="intent" value="adopt" />
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
              Verbeterplan vaststellen
            </button>
          </Form>
        ) : null}
        {page.isOwn && !canUpdate ? <p className="muted">Het verbeterplan stelt u op zodra de regio in de fase Verbeterplannen opstellen is.</p> : null}
      </section>

      {canAdd ? (
        <section aria-labelledby="nieuwe-actie" className="page-section">
          <h2 id="nieuwe-actie" className="utrecht-heading-2">
            Actie toevoegen
          </h2>
          <ActionForm themes={page.themes} points={page.points} teams={page.teams} values={v} errors={errors} busy={busy} />
        </section>
      ) : null}

      {page.plan?.events.length ? <PlanHistory events={page.plan.events} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
