import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type AppLoadContext } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { RegionInputView } from "../components/RegionInputView.tsx";
import { InputExportLinks } from "../components/InputExportLinks.tsx";
import { StatusBadge } from "../components/StatusBadge.tsx";
import { requireRegionLead, requireUser } from "../auth/guards.server.ts";
import { countOf, formatDate, formatDateTime } from "../domain/format.ts";
import { parseYear, roundTableRound } from "../models/rondetafel.server.ts";
import { regionInput, regionInputStatus, remindMissingInput } from "../models/round-table-input.server.ts";
import { notFound, readFormData } from "../http/http.server.ts";
import { regionInputView } from "../services/round-table-input.server.ts";
import { DataTable } from "../components/DataTable.tsx";
import { PrintButton } from "../components/PrintButton.tsx";

// A region's input for its round-table talk of a year: who was asked and who answered (the regio can
// remind the others), and what they wrote, to read before and during the talk and to print.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Input rondetafelgesprek ${data.year} – regio ${data.region.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

async function inputOf(request: Request, context: AppLoadContext, params: { year?: string; regionId?: string }) {
  const user = await requireUser(request, context);
  const region = await requireRegionLead(context, user, params.regionId);
  const year = parseYear(params.year);
  const round = year ? await roundTableRound(context.db, year) : undefined;
  if (!year || !round) notFound();
  return { user, region, year, round };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { user, region, year, round } = await inputOf(request, context, params);
  const asked = await regionInput(context.db, round.id, region.id);
  const url = new URL(request.url);
  return {
    year,
    region,
    isProgramma: user.role === "programma",
    asked: asked ? { deadline: asked.deadline, openedAt: asked.opened_at, remindedAt: asked.reminded_at } : null,
    status: asked ? await regionInputStatus(context.db, round.id, region.id) : null,
    views: asked ? await regionInputView(context.db, round.id, region.id) : [],
    // How many were reminded, from the redirect after the reminder; anything else in the address is ignored.
    reminded: /^\d{1,6}$/.test(url.searchParams.get("herinnerd") ?? "") ? Number(url.searchParams.get("herinnerd")) : null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, region, round, year } = await inputOf(request, context, params);
  // The first press asks (the page names how many); only "Ja" sends.
  if ((await readFormData(request)).get("confirm") !== "ja") return { confirm: true as const };
  const result = await remindMissingInput(context.db, { roundId: round.id, regionId: region.id, userId: user.id, origin: context.config.publicOrigin });
  if (!result.ok) return data({ error: result.message }, { status: 409 });
  throw redirect(`/rondetafels/${year}/${region.id}/input?herinnerd=${result.told}`);
}

export default function RegionInputPage() {
  const { year, region, isProgramma, asked, status, views, reminded } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const crumbs = isProgramma
    ? [
        { to: "/programma", label: "Landelijk overzicht" },
        { to: `/programma/rondetafels?jaar=${year}`, label: `Rondetafelgesprekken ${year}` },
        { label: `Input ${region.name}` },
      ]
    : [
        { to: `/regios/${region.id}`, label: `Regio ${region.name}` },
        { to: `/regios/${region.id}/rondetafel`, label: "Rondetafelgesprekken" },
        { label: `Input ${year}` },
      ];
  // Who gave input, counted once: for the sentence above the list and for the reminder button.
  const teamsIn = status?.teams.filter((t) => t.status === "submitted").length ?? 0;
  const municipalitiesIn = status?.municipalities.filter((m) => m.status === "submitted").length ?? 0;
  const missing = status ? status.teams.length - teamsIn + status.municipalities.length - municipalitiesIn : 0;
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1 className="utrecht-heading-1">
        Input voor het rondetafelgesprek {year}: regio {region.name}
      </h1>
      {!asked || !status ? (
        <p className="utrecht-paragraph">
          Voor dit gesprek is nog geen input gevraagd aan de teams en gemeenten van de regio.{" "}
          {isProgramma ? (
            <Link className="utrecht-link" to={`/programma/rondetafels?jaar=${year}#input`}>
              Input vragen
            </Link>
          ) : (
            "Het programma vraagt de input."
          )}
        </p>
      ) : (
        <>
          <p className="utrecht-paragraph lead">
            Gevraagd op {formatDate(asked.openedAt)}, graag vóór {formatDate(asked.deadline)}. {countOf(teamsIn, status.teams.length, "team", "teams")} en{" "}
            {countOf(municipalitiesIn, status.municipalities.length, "gemeente", "gemeenten")} {teamsIn + municipalitiesIn === 1 ? "heeft" : "hebben"} input
            ingediend.
          </p>
          <PrintButton what="de input" />
          <InputExportLinks year={year} regionId={region.id} />
          {reminded !== null && !actionData ? (
            <div className="notice notice--ok" role="status">
              <p>
                Herinnering verstuurd aan{" "}
                {reminded === 1 ? "1 team of gemeente die nog geen input heeft" : `${reminded} teams en gemeenten die nog geen input hebben`} ingediend.
              </p>
            </div>
          ) : null}
          {actionData && "error" in actionData ? (
            <div className="notice notice--warn" role="alert">
              <p>{actionData.error}</p>
            </div>
          ) : null}

          <section aria-labelledby="wie" className="page-section">
            <h2 id="wie" className="utrecht-heading-2">
              Wie heeft input gegeven
            </h2>
            {missing > 0 && actionData && "confirm" in actionData ? (
              <div className="notice notice--warn no-print" role="alert">
                <p>
                  <strong>
                    Herinnering sturen aan{" "}
                    {missing === 1 ? "de 1 team of gemeente die nog geen input heeft" : `de ${missing} teams en gemeenten die nog geen input hebben`} ingediend?
                  </strong>{" "}
                  Zij krijgen een melding op hun startpagina en een e-mail als zij meldingen per e-mail ontvangen. Een volgende herinnering kan pas een dag
                  later.
                </p>
                <Form method="post" className="form-actions">
                  <button
                    type="submit"
                    name="confirm"
                    value="ja"
                    className="utrecht-button utrecht-button--primary-action"
                    disabled={navigation.state === "submitting"}
                  >
                    Ja, herinnering sturen
                  </button>
                  <Link className="utrecht-link" to={`/rondetafels/${year}/${region.id}/input`}>
                    Nee, terug
                  </Link>
                </Form>
              </div>
            ) : missing > 0 ? (
              <Form method="post" className="form-actions no-print">
                <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={navigation.state === "submitting"}>
                  Herinnering sturen aan {missing === 1 ? "de 1 die nog geen input heeft" : `de ${missing} die nog geen input hebben`} ingediend
                </button>
                {asked.remindedAt ? <span className="muted">Laatste herinnering: {formatDateTime(asked.remindedAt)}</span> : null}
              </Form>
            ) : null}
            <DataTable caption={<>Gemeenten en teams van regio {region.name}</>} captionVisible>
              <thead>
                <tr>
                  <th scope="col">Gemeente of team</th>
                  <th scope="col">Stand</th>
                </tr>
              </thead>
              <tbody>
                {status.municipalities.map((m) => (
                  <tr key={`m${m.id}`}>
                    <th scope="row">Gemeente {m.name}</th>
                    <td>
                      <StatusBadge status={m.status} />
                      {m.submittedAt ? ` op ${formatDateTime(m.submittedAt)}` : ""}
                    </td>
                  </tr>
                ))}
                {status.teams.map((t) => (
                  <tr key={`t${t.id}`}>
                    <th scope="row">
                      {t.name}
                      <span className="task-list__hint">{t.municipality_name}</span>
                    </th>
                    <td>
                      <StatusBadge status={t.status} />
                      {t.submittedAt ? ` op ${formatDateTime(t.submittedAt)}` : ""}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          </section>

          <RegionInputView views={views} />
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
