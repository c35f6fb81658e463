import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "../forms/zod.ts";
import { Breadcrumbs } from "../components/Breadcrumbs.tsx";
import { InviteProfessionals } from "../components/InviteProfessionals.tsx";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { refusalOf, requireTeamAccess, requireUser } from "../auth/guards.server.ts";
import { linkLasts, PROFESSIONALS_MIN } from "../domain/conversation.ts";
import { dayOf, formatDate, plural } from "../domain/format.ts";
import { viewRequestChange } from "../domain/policy.ts";
import { inviteSchema } from "../forms/professionals.ts";
import { invalid } from "../http/form.server.ts";
import { parseForm } from "../forms/submission.ts";
import { readFormData } from "../http/http.server.ts";
import { professionalsPage, type ProfessionalsIntent, runProfessionalsIntent } from "../services/professionals.server.ts";

// The team manager asks the team's professionals for their view (decision 79): addresses in, a personal
// link out to each, then how many responded (never who), a reminder a day, and closing the request.

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `De kijk van uw professionals – ${data.team.name} – Werken aan veiligheid` : "Werken aan veiligheid" },
];

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const user = await requireUser(request, context);
  const team = await requireTeamAccess(context, user, params.teamId);
  const page = await professionalsPage(context.db, team);
  return {
    team,
    ...page,
    canChange: viewRequestChange(user, team).allowed && page.round !== null && !page.request?.closed_at,
    today: dayOf(),
    notice: new URL(request.url).searchParams.get("gedaan"),
  };
}

const intentSchema = z.object({ intent: z.enum(["invite", "remind", "close"], "Onbekende handeling: er is niets gewijzigd."), confirm: z.string().optional() });

export async function action({ request, params, context }: ActionFunctionArgs) {
  const user = await requireUser(request, context);
  const team = await requireTeamAccess(context, user, params.teamId);
  const form = await readFormData(request);
  const chosen = parseForm(form, intentSchema);
  if (!chosen.ok) return invalid({ form: "Onbekende handeling: er is niets gewijzigd." }, chosen.values);
  const refused = refusalOf(viewRequestChange(user, team));
  if (refused) return invalid({ form: refused }, chosen.values, 409);
  const intent = chosen.data.intent as ProfessionalsIntent;
  const emails = intent === "invite" ? parseForm(form, inviteSchema) : null;
  if (emails && !emails.ok) return invalid(emails.errors, emails.values);
  if (intent === "close" && chosen.data.confirm !== "ja") return { errors: {}, values: {}, confirmClose: true, links: null };
  const result = await runProfessionalsIntent(context.db, {
    intent,
    team,
    user,
    emails: emails?.ok ? emails.data.emails : [],
    origin: context.config.publicOrigin,
  });
  if (!result.ok) return invalid({ form: result.message }, chosen.values, 409);
  // Without a mail server the manager passes the links on: shown once, in this answer only.
  if (intent === "invite" && !context.config.sendsMail) return data({ errors: {}, values: {}, confirmClose: false, links: result.links ?? [] });
  throw redirect(`/teams/${team.id}/professionals?gedaan=${intent === "invite" ? `uitgenodigd-${result.fresh ?? 0}-${result.invitedBefore ?? 0}` : intent}`);
}

export default function Professionals() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const request = page.request;
  const notice = page.notice?.startsWith("uitgenodigd-")
    ? invitedNotice(page.notice)
    : page.notice === "remind"
      ? "De herinnering is verstuurd aan wie nog niet reageerde."
      : page.notice === "close"
        ? "De vraag is gesloten: de links werken niet meer en de e-mailadressen zijn verwijderd."
        : null;
  return (
    <>
      <Breadcrumbs items={[{ to: `/teams/${page.team.id}`, label: page.team.name }, { label: "De kijk van uw professionals" }]} />
      <h1 className="utrecht-heading-1">De kijk van uw professionals</h1>
      <p className="utrecht-paragraph lead">
        {page.team.name}
        {page.round ? ` · ${page.round.name}` : ""}
      </p>
      {notice && !actionData ? (
        <div className="notice notice--ok" role="status">
          <p>{notice}</p>
        </div>
      ) : null}
      <p className="utrecht-paragraph">
        De zelfscan is bedoeld als gesprek. Vraag de professionals van uw team hoe zij het werk van het team zien: ieder krijgt een persoonlijke link en vult de
        thema's anoniem in. U ziet per vraag hoe vaak elk antwoord is gegeven, naast uw eigen antwoord, zodra ten minste {PROFESSIONALS_MIN} collega's hebben
        gereageerd; de vragen waarop de blikken het meest verschillen zijn de gespreksonderwerpen voor het teamoverleg. Nodig alleen de professionals van uw
        team uit, op hun eigen adres: dan blijft de kijk van ieder van hen anoniem.
      </p>
      {!page.round ? (
        <p className="utrecht-paragraph">Er is op dit moment geen zelfscanronde voor uw team.</p>
      ) : (
        <>
          <section aria-labelledby="stand" className="page-section">
            <h2 id="stand" className="utrecht-heading-2">
              Stand
            </h2>
            {request ? (
              <>
                <p className="utrecht-paragraph">
                  <strong>
                    {request.responded} van de {request.invited} uitgenodigde {request.invited === 1 ? "collega" : "collega's"}{" "}
                    {request.responded === 1 ? "heeft" : "hebben"} gereageerd.
                  </strong>{" "}
                  {request.responded >= PROFESSIONALS_MIN ? (
                    <Link className="utrecht-link" to={`/teams/${page.team.id}/resultaten?ronde=${page.round.id}#professionals`}>
                      Bekijk hun kijk naast uw antwoorden
                    </Link>
                  ) : (
                    `Hun kijk verschijnt vanaf ${PROFESSIONALS_MIN} reacties; er ${PROFESSIONALS_MIN - request.responded === 1 ? "is" : "zijn"} er nog ${PROFESSIONALS_MIN - request.responded} nodig.`
                  )}
                </p>
                {request.closed_at ? <p className="utrecht-paragraph">De vraag is gesloten op {formatDate(request.closed_at)}.</p> : null}
              </>
            ) : (
              <p className="utrecht-paragraph">U heeft de professionals nog niet om hun kijk gevraagd.</p>
            )}
            <p className="muted">De links werken {linkLasts(page.round.closesOn, page.today)}; daarna worden de e-mailadressen verwijderd.</p>
          </section>

          {page.canChange ? <InviteProfessionals request={request} today={page.today} actionData={actionData} busy={busy} /> : null}
        </>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

/** "uitgenodigd-3-1": three new colleagues, one address invited before (whose link is renewed unless it was used; not said which). */
function invitedNotice(notice: string): string {
  const [fresh, before] = notice.slice("uitgenodigd-".length).split("-").map(Number);
  const parts = [];
  if (fresh) parts.push(`${plural(fresh, "collega", "collega's")} uitgenodigd; de e-mails zijn verstuurd.`);
  if (before) {
    parts.push(
      `${plural(before, "adres was", "adressen waren")} al uitgenodigd: wie van hen nog niet heeft gereageerd, krijgt een nieuwe link (de vorige werkt dan niet meer).`,
    );
  }
  return parts.join(" ") || "Er is niemand uitgenodigd.";
}
