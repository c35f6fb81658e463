import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { plural } from "../domain/format.ts";
import { DataTable } from "../components/DataTable.tsx";

export const meta: MetaFunction = () => [{ title: "Privacyverklaring – Werken aan veiligheid" }];

export function loader({ context }: LoaderFunctionArgs) {
  return { service: context.config.service, retention: context.config.retention, idleMinutes: context.config.sessionIdleMinutes };
}

// The privacy statement (AVG): what the product holds about people, why, how long (the periods in force,
// from the configuration, which the daily cleanup applies: app/models/retention.server.ts), who sees it,
// and people's rights. Keep it true to the schema: a new table with personal data belongs here.
export default function Privacy() {
  const { service, retention, idleMinutes } = useLoaderData<typeof loader>();
  const days = (n: number) => plural(n, "dag", "dagen");
  return (
    <>
      <h1 className="utrecht-heading-1">Privacyverklaring</h1>
      <p className="utrecht-paragraph lead">
        Werken aan veiligheid is de webapplicatie waarin lokale (wijk)teams de zelfscan van het kwaliteitskader invullen en gemeenten, regio's en het programma
        de voortgang volgen. {service.name} beheert deze omgeving en is verantwoordelijk voor de persoonsgegevens erin.
      </p>

      <h2 className="utrecht-heading-2">Over wie gaat het, en welke gegevens</h2>
      <p className="utrecht-paragraph">
        Over de mensen die met een account werken: teammanagers, beleidsmedewerkers van gemeenten, regionale projectleiders, medewerkers van Veilig Thuis en van
        het programma; en over de professionals van een team die hun teammanager om hun kijk vraagt (alleen hun e-mailadres, zolang de ronde loopt). De
        vragenlijsten gaan over teams en gemeenten, niet over cliënten: schrijf in toelichtingen nooit namen of andere gegevens van cliënten of gezinnen.
      </p>
      <DataTable caption="Welke gegevens, waarvoor, hoe lang">
        <thead>
          <tr>
            <th scope="col">Gegevens</th>
            <th scope="col">Waarvoor</th>
            <th scope="col">Hoe lang</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Account: naam, e-mailadres, rol, team, gemeente of regio; het wachtwoord alleen versleuteld (scrypt)</th>
            <td>Inloggen, laten zien wie wat heeft ingevuld, uitnodigingen en meldingen sturen</td>
            <td>Zolang het account bestaat; een uitgeschakeld account blijft bewaard zodat zichtbaar blijft wie wat heeft ingevuld</td>
          </tr>
          <tr>
            <th scope="row">Sessies: wanneer u inlogde en het laatst actief was (geen IP-adres)</th>
            <td>Ingelogd blijven; na {idleMinutes} minuten zonder activiteit eindigt de sessie</td>
            <td>Tot {days(retention.sessionDays)} na het einde van de sessie</td>
          </tr>
          <tr>
            <th scope="row">
              Tweede stap bij inloggen, als u die instelde: het geheim van uw authenticator-app (versleuteld) en uw herstelcodes (alleen onherleidbaar
              vastgelegd)
            </th>
            <td>Nagaan dat u het bent, ook als iemand uw wachtwoord kent</td>
            <td>Tot u de app verwijdert of het account verdwijnt; de stap tussen wachtwoord en code hoogstens 10 minuten</td>
          </tr>
          <tr>
            <th scope="row">Bewaarde invoer: wat u verstuurde toen uw sessie net verlopen was (nooit wachtwoorden)</th>
            <td>Na opnieuw inloggen terugzetten, zodat u niets kwijtraakt</td>
            <td>{days(retention.keptInputDays)}</td>
          </tr>
          <tr>
            <th scope="row">Mislukte inlogpogingen: e-mailadres en IP-adres met het aantal pogingen</th>
            <td>Wachtwoorden raden tegengaan</td>
            <td>{plural(retention.throttleHours, "uur", "uur")} na de laatste mislukte poging (langer zolang een blokkade loopt)</td>
          </tr>
          <tr>
            <th scope="row">Auditlog: wie wat wanneer wijzigde, met het IP-adres</th>
            <td>Verantwoording en het opsporen van misbruik</td>
            <td>Het IP-adres {days(retention.auditAddressDays)}; wie wat wanneer deed zolang de gegevens bestaan</td>
          </tr>
          <tr>
            <th scope="row">Uitgaande e-mail: adres en tekst van uitnodigingen, herinneringen en meldingen</th>
            <td>Versturen, en nagaan of een bericht is verstuurd</td>
            <td>
              {days(retention.outboxDays)} na aanmaken, zodra verstuurd, mislukt of tegengehouden. Een persoonlijke link (uitnodiging, nieuw wachtwoord) staat
              alleen in de e-mail die u krijgt: zodra die is verstuurd, bewaren wij de tekst zonder de link.
            </td>
          </tr>
          <tr>
            <th scope="row">
              Professionals die hun kijk geven: het e-mailadres waarnaar hun persoonlijke link ging, en of die link is gebruikt. Hun antwoorden worden zonder
              adres, link, IP-adres of tijdstip bewaard (alleen de dag), zodat niemand kan nagaan wie wat antwoordde
            </th>
            <td>
              De link sturen en één herinnering per dag; de teammanager ziet alleen hoeveel collega's hebben gereageerd. Antwoorden zijn alleen te zien als
              aantallen, en pas als ten minste 3 professionals van het team hebben gereageerd
            </td>
            <td>Het e-mailadres tot de ronde sluit of de teammanager de vraag sluit; de antwoorden zo lang als de zelfscan van het team</td>
          </tr>
          <tr>
            <th scope="row">Meldingen op uw startpagina</th>
            <td>Laten weten wat u aangaat (ingediend, teruggezet, geaccepteerd)</td>
            <td>Zolang het account bestaat</td>
          </tr>
        </tbody>
      </DataTable>
      <p className="utrecht-paragraph">
        Het serverlogboek noteert per verzoek tijd, pagina, uitkomst en het accountnummer, geen IP-adres en geen ingevulde gegevens. Wat hierboven een termijn
        heeft, verwijdert de server elke dag.
      </p>

      <h2 className="utrecht-heading-2">Grondslag</h2>
      <p className="utrecht-paragraph">
        De verwerking is nodig voor een taak van algemeen belang: de aanpak van huiselijk geweld en kindermishandeling door gemeenten (AVG artikel 6 lid 1 onder
        e). De organisatie die deze omgeving beheert, legt dit vast in haar eigen verwerkingsregister.
      </p>

      <h2 className="utrecht-heading-2">Wie het ziet</h2>
      <p className="utrecht-paragraph">
        Iedereen ziet alleen wat bij zijn rol hoort: een teammanager zijn eigen team, een gemeente haar eigen teams, een regio haar gemeenten en teams, het
        programma het hele land; Veilig Thuis alleen zijn eigen antwoorden en cijfers van de regio. Cijfers van een groep teams ziet alleen wie elk team in die
        groep al mag inzien, of iemand anders pas als er ten minste 3 teams in zitten die hij niet kan inzien; de kijk van professionals pas vanaf 3 reacties
        van een team, nooit die van één persoon. Gegevens gaan niet naar anderen buiten deze omgeving.
      </p>

      <h2 className="utrecht-heading-2">Uw rechten</h2>
      <p className="utrecht-paragraph">
        U mag uw gegevens inzien, laten verbeteren of laten verwijderen, en bezwaar maken. Uw naam en e-mailadres ziet u op{" "}
        <Link className="utrecht-link" to="/account">
          Mijn account
        </Link>
        . Voor de rest, of als u vragen heeft: mail{" "}
        <a className="utrecht-link" href={`mailto:${service.email}`}>
          {service.email}
        </a>
        . U krijgt binnen een maand antwoord. Bent u het er niet mee eens, dan kunt u een klacht indienen bij de Autoriteit Persoonsgegevens
        (autoriteitpersoonsgegevens.nl).
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
