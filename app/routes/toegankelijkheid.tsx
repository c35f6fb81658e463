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
      <h1 className="utrecht-heading-1">Toegankelijk&shy;heids&shy;verklaring</h1>
      <p className="utrecht-paragraph lead">
        {service.name} wil dat iedereen Werken aan veiligheid kan gebruiken, ook met een beperking, met een schermlezer, met alleen het toetsenbord of op een
        smal scherm. Deze verklaring gaat over de webapplicatie op {origin}.
      </p>

      <h2 className="utrecht-heading-2">Nalevingsstatus</h2>
      <p className="utrecht-paragraph">
        <strong>B: voldoet gedeeltelijk.</strong> De webapplicatie voldoet gedeeltelijk aan de eisen van de Web Content Accessibility Guidelines (WCAG) 2.2 op
        niveau A en AA, zoals het Besluit digitale toegankelijkheid overheid vraagt. Hieronder staat wat nog niet voldoet en wat we eraan doen.
      </p>

      <h2 className="utrecht-heading-2">Hoe we het hebben onderzocht</h2>
      <ul className="utrecht-unordered-list">
        <li>
          Automatisch, bij elke nieuwe versie: de browsertests volgen de links van elke rol (zonder account, teammanager, gemeente, regio, programma) en
          controleren elke bezochte pagina, ook met foutmeldingen, alleen-lezen en leeg, met axe-core op de toetsbare succescriteria van WCAG 2.2 A en AA (ook
          de grootte van klikdoelen) en met de HTML-validator van W3C. Op elke pagina controleren ze ook dat de pagina bij 320 CSS-pixels breed (400% zoom) niet
          opzij schuift, dat elke pagina een titel heeft en de links naar deze verklaringen, en dat na het volgen van een link de focus op de kop van de nieuwe
          pagina staat.
        </li>
        <li>
          Handmatig: de zelfscan helemaal invullen en indienen met alleen het toetsenbord en zonder JavaScript; opslaan in twee tabbladen tegelijk; de
          foutmeldingen bij formulieren; datums als dd-mm-jjjj; de nieuwe eisen van WCAG 2.2: de focus blijft zichtbaar onder de sessiewaarschuwing, niets
          vraagt slepen, de hulp (Contact en hulp) staat op elke pagina op dezelfde plek, niets vraagt twee keer dezelfde gegevens, en inloggen kan met een
          wachtwoordbeheerder en plakken; de waarschuwing voordat een sessie verloopt; de kaarten en grafieken, die dezelfde cijfers ook als tabel of lijst
          tonen en bij een smal scherm leesbaar blijven; het auditlog.
        </li>
      </ul>
      <p className="utrecht-paragraph">Laatst gecontroleerd: 7 december 2026.</p>

      <h2 className="utrecht-heading-2">Wat nog niet voldoet</h2>
      <p className="utrecht-paragraph">
        Bij de controles hierboven zijn geen onderdelen gevonden die niet voldoen. We noemen de status toch &ldquo;gedeeltelijk&rdquo;, omdat nog geen
        onafhankelijke deskundige de webapplicatie volgens de onderzoeksmethode WCAG-EM heeft onderzocht en de eigen handmatige controles niet elk
        succescriterium afzonderlijk nalopen.
      </p>
      <ul className="utrecht-unordered-list">
        <li>
          <strong>Gemeente kiezen bij het verplaatsen van een team</strong> (programma, pagina Organisatie): het veld stelt gemeenten voor terwijl u typt. Niet
          elke schermlezer leest die voorstellen voor; u kunt de naam van de gemeente ook helemaal typen.
        </li>
      </ul>
      <p className="utrecht-paragraph">We laten de webapplicatie onafhankelijk onderzoeken en werken deze verklaring dan bij.</p>

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
