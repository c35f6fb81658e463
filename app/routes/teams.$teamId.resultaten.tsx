import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { requireTeamAccess, requireUser } from "../auth/guards.server.ts";
import { notFound, parseId } from "../http/http.server.ts";
import { getMunicipality } from "../models/organisation.server.ts";
import { cycleRoundId } from "../models/cycles.server.ts";
import { teamBenchmark } from "../models/results.server.ts";
import { getRound, submittedRoundsOfTeam } from "../models/rounds.server.ts";
import { ExportLinks } from "../components/ExportLinks.tsx";
import { RoundNav } from "../components/RoundNav.tsx";
import { ConversationView } from "../components/ConversationView.tsx";
import { TeamBenchmark } from "../components/TeamBenchmark.tsx";
import { readerOf } from "../domain/small-groups.ts";
import { VeiligThuisView } from "../components/VeiligThuisView.tsx";
import { teamConversation } from "../services/conversation.server.ts";
import { PrintButton } from "../components/PrintButton.tsx";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Resultaten ${data.team.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const team = await requireTeamAccess(context, user, params.teamId);
  const municipality = (await getMunicipality(context.db, team.municipality_id))!;
  const chosen = new URL(request.url).searchParams.get("ronde");
  const roundId = chosen ? parseId(chosen) : await cycleRoundId(context.db, team.region_id);
  const round = roundId ? await getRound(context.db, roundId) : undefined;
  if (chosen && (!round || round.kind !== "zelfscan")) notFound();
  const benchmark = round
    ? await teamBenchmark(context.db, {
        roundId: round.id,
        teamId: team.id,
        municipalityId: team.municipality_id,
        regionId: team.region_id,
        municipalityName: municipality.name,
        regionName: municipality.region_name,
        reader: readerOf(user),
      })
    : null;
  const talk = round ? await teamConversation(context.db, { viewer: user, team, roundId: round.id }) : null;
  const rounds = await submittedRoundsOfTeam(context.db, team.id);
  return { team, round: round ?? null, rounds, benchmark, talk, isManager: user.role === "teammanager" && user.teamId === team.id };
}

export default function TeamResults() {
  const { team, round, rounds, benchmark, talk, isManager } = useLoaderData<typeof loader>();
  const crumbs = [{ to: `/teams/${team.id}`, label: team.name }, { label: "Resultaten" }];
  return (
    <>
      <Breadcrumbs items={crumbs} />
      <h1 className="utrecht-heading-1">Resultaten van {team.name}</h1>
      {round ? <p className="utrecht-paragraph lead">{round.name}</p> : null}
      {round ? <RoundNav rounds={rounds.some((r) => r.id === round.id) ? rounds : [{ id: round.id, name: round.name }, ...rounds]} current={round.id} /> : null}
      {round && benchmark?.submitted ? <PrintButton what="de resultaten" /> : null}
      {round && benchmark?.submitted ? (
        <TeamBenchmark teamName={team.name} benchmark={benchmark} />
      ) : (
        <p className="utrecht-paragraph">De scores verschijnen hier zodra het team de zelfscan{round ? ` (${round.name})` : ""} heeft ingediend.</p>
      )}
      {round && talk?.conversation ? (
        <section aria-labelledby="professionals" className="page-section">
          <h2 id="professionals" className="utrecht-heading-2">
            De kijk van de professionals
          </h2>
          {talk.request ? (
            <>
              <ConversationView conversation={talk.conversation} managerAnswersShown={talk.managerAnswersShown} />
              <p className="form-actions no-print">
                {talk.conversation.shown ? (
                  <Link className="utrecht-link" to={`/teams/${team.id}/gesprekskaart?ronde=${round.id}`}>
                    Gesprekskaart voor het teamoverleg (om af te drukken)
                  </Link>
                ) : null}
                {isManager ? (
                  <Link className="utrecht-link" to={`/teams/${team.id}/professionals`}>
                    Professionals uitnodigen of herinneren
                  </Link>
                ) : null}
              </p>
            </>
          ) : (
            <p className="utrecht-paragraph">
              {isManager ? (
                <>
                  U heeft de professionals van het team nog niet om hun kijk gevraagd.{" "}
                  <Link className="utrecht-link" to={`/teams/${team.id}/professionals`}>
                    Professionals uitnodigen
                  </Link>
                </>
              ) : (
                "Het team heeft de professionals (nog) niet om hun kijk gevraagd."
              )}
            </p>
          )}
        </section>
      ) : null}
      {round && talk ? (
        <section aria-labelledby="veilig-thuis" className="page-section">
          <h2 id="veilig-thuis" className="utrecht-heading-2">
            De kijk van Veilig Thuis op de samenwerking (thema G)
          </h2>
          <VeiligThuisView view={talk.veiligThuis} municipalityName={team.municipality_name} own={talk.ownSide} />
        </section>
      ) : null}
      {round && benchmark?.submitted ? <ExportLinks roundId={round.id} roundName={round.name} scope={{ team: team.id }} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
