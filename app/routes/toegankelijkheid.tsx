import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";

export const meta: MetaFunction = () => [{ title: "Toegankelijkheidsverklaring – Werken aan veiligheid" }];

export function loader({ context }: LoaderFunctionArgs) {
  return { service: context.config.service, origin: context.config.publicOrigin };
}

// The accessibility statement, after the Dutch model statement (digitoegankelijk.nl): who, what, the
// compliance status, how it was checked, the known exceptions, and how to report a problem. Keep the
// exceptions true: remove one when it is fixed, add one when a check finds it.
export default function Toegankelijkheid() {
  const { service, origin } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">Toegankelijkheidsverklaring</h1>
      <p className="utrecht-paragraph lead">
        {service.name} wil dat iedereen Werken aan veiligheid kan gebruiken, ook met een beperking, met een schermlezer, met alleen het toetsenbord of op een
        smal scherm. Deze verklaring gaat over de webapplicatie op {origin}.
      </p>

      <h2 className="utrecht-heading-2">Nalevingsstatus</h2>
      <p className="utrecht-paragraph">
        <strong>B: voldoet gedeeltelijk.</strong> De webapplicatie voldoet gedeeltelijk aan de eisen van de Web Content Accessibility Guidelines (WCAG) 2.1 op
        niveau A en AA, zoals het Besluit digitale toegankelijkheid overheid vraagt. Hieronder staat wat nog niet voldoet en wat we eraan doen.
      </p>

      <h2 className="utrecht-heading-2">Hoe we het hebben onderzocht</h2>
      <ul className="utrecht-unordered-list">
        <li>
          Automatisch, bij elke nieuwe versie: de browsertests bezoeken de pagina's van elke rol (teammanager, gemeente, regio, programma) en controleren elke
          bezochte pagina met axe-core op de toetsbare succescriteria van WCAG 2.1 A en AA.
        </li>
        <li>
          Handmatig: de zelfscan helemaal invullen en indienen met alleen het toetsenbord en zonder JavaScript; de foutmeldingen bij formulieren; de
          waarschuwing voordat een sessie verloopt; de kaarten en grafieken, die dezelfde cijfers ook als tabel of lijst tonen; de pagina's bij 320 CSS-pixels
          breed.
        </li>
      </ul>
      <p className="utrecht-paragraph">Laatst gecontroleerd: 2 december 2026.</p>

      <h2 className="utrecht-heading-2">Wat nog niet voldoet</h2>
      <ul className="utrecht-unordered-list">
        <li>
          <strong>Herschikken bij 320 pixels (WCAG 1.4.10).</strong> Op een deel van de pagina's met brede tabellen (onder meer het landelijk overzicht en de
          resultaten) schuift bij een smal scherm of 400% zoom de hele pagina opzij in plaats van alleen de tabel. We zetten elke brede tabel in een eigen
          schuifvak.
        </li>
        <li>
          <strong>Datums invullen (WCAG 3.3.2).</strong> Een datumveld toont de notatie van de browser; niet elke browser toont dd-mm-jjjj.
        </li>
        <li>
          <strong>Het auditlog</strong> toont acties en velden met technische namen in plaats van begrijpelijke Nederlandse omschrijvingen.
        </li>
      </ul>
      <p className="utrecht-paragraph">We lossen deze punten op in de volgende versies en werken deze verklaring dan bij.</p>

      <h2 className="utrecht-heading-2">Een probleem melden</h2>
      <p className="utrecht-paragraph">
        Kunt u iets niet gebruiken, of ziet u een probleem dat hier niet staat? Mail naar{" "}
        <a className="utrecht-link" href={`mailto:${service.email}`}>
          {service.email}
        </a>
        {service.phone ? <> of bel {service.phone}</> : null}. Zeg op welke pagina het was en wat u probeerde. U krijgt binnen 5 werkdagen antwoord en binnen 3
        weken een oplossing of een alternatief.
      </p>
      <p className="utrecht-paragraph">
        Bent u niet tevreden met hoe uw melding is behandeld? Dan kunt u een klacht indienen bij de Nationale ombudsman (nationaleombudsman.nl).
      </p>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/contact">
          Contact en hulp
        </Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
