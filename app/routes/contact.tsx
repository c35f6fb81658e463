import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";

export const meta: MetaFunction = () => [{ title: "Contact en hulp – Werken aan veiligheid" }];

export function loader({ context }: LoaderFunctionArgs) {
  return { service: context.config.service };
}

// Who runs this installation (SERVICE_NAME, SERVICE_EMAIL, SERVICE_PHONE) and short help per role.
export default function Contact() {
  const { service } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">Contact en hulp</h1>
      <p className="utrecht-paragraph lead">Deze omgeving wordt beheerd door {service.name}.</p>
      <ul className="utrecht-unordered-list">
        <li>
          E-mail:{" "}
          <a className="utrecht-link" href={`mailto:${service.email}`}>
            {service.email}
          </a>
        </li>
        {service.phone ? <li>Telefoon: {service.phone}</li> : null}
      </ul>
      <p className="utrecht-paragraph">
        Geen account, of werkt uw uitnodigingslink niet meer? Vraag uw gemeente (teammanagers), uw regio (gemeenten) of het programma (regio's) om een nieuwe
        link. Wachtwoord vergeten:{" "}
        <Link className="utrecht-link" to="/wachtwoord-vergeten">
          nieuw wachtwoord aanvragen
        </Link>
        .
      </p>

      <h2 className="utrecht-heading-2">Hulp per rol</h2>
      <dl className="help-list">
        <dt>Teammanager</dt>
        <dd>
          Op uw startpagina staat de zelfscan van uw team. Vul de onderdelen in de volgorde die u wilt in; elk onderdeel wordt bewaard als u op Opslaan drukt,
          ook als u later verdergaat. Indienen kan als alle verplichte vragen beantwoord zijn. Daarna ziet u de resultaten naast die van uw gemeente, regio en
          het land. Vraagt het programma om input voor het rondetafelgesprek, dan staat die taak ook op uw startpagina.
        </dd>
        <dt>Gemeente</dt>
        <dd>
          U ziet welke teams hebben ingediend en beoordeelt hun zelfscan: accepteren, of teruggeven met een toelichting. U vult het gemeentelijke deel in (thema
          I), stelt het verbeterplan op en volgt de fase van uw regio. Onder Accounts nodigt u uw teammanagers uit.
        </dd>
        <dt>Regio</dt>
        <dd>
          U volgt per gemeente de voortgang, legt de bevindingen van de analyse vast en zet de regio naar de volgende fase als de voorwaarden zijn gehaald. Voor
          het rondetafelgesprek ziet u de input van uw teams en gemeenten.
        </dd>
        <dt>Programma</dt>
        <dd>
          U opent rondes en de input voor de rondetafelgesprekken, legt de gesprekken vast en ziet het landelijk dashboard, met bij elk cijfer waar het vandaan
          komt.
        </dd>
      </dl>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/toegankelijkheid">
          Toegankelijkheidsverklaring
        </Link>{" "}
        ·{" "}
        <Link className="utrecht-link" to="/privacy">
          Privacyverklaring
        </Link>
      </p>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
