import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { errorTitle, GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { NationalPicture } from "../components/NationalPicture.tsx";
import { PrintButton } from "../components/PrintButton.tsx";
import { formatDate } from "../domain/format.ts";
import { notFound } from "../http/http.server.ts";
import { parseYear } from "../models/rondetafel.server.ts";
import { publishedPicture } from "../models/publications.server.ts";

// A year's published national picture (issue 30): the snapshot programma published, for anyone; a year not
// published, or withdrawn, is a 404 like any page that does not exist.

export const meta: MetaFunction<typeof loader> = ({ data, error }) =>
  data
    ? [
        { title: `Landelijk beeld ${data.view.year} – Geweld hoort nergens thuis` },
        {
          name: "description",
          content: `Het landelijk beeld ${data.view.year} van het programma Geweld hoort nergens thuis: fasen, rondetafelgesprekken en zelfscan per regio.`,
        },
      ]
    : [{ title: `${errorTitle(error)} – Werken aan veiligheid` }];

export async function loader({ params, request, context }: LoaderFunctionArgs) {
  const year = parseYear(params.year ?? "");
  const published = year ? await publishedPicture(context.db, year) : undefined;
  if (!published) notFound();
  const { view, publishedAt } = published!;
  const theme = view.zelfscan.themes.find((t) => t.key === new URL(request.url).searchParams.get("thema")) ?? view.zelfscan.themes[0] ?? null;
  return { view, publishedAt, theme };
}

export default function PublicPicture() {
  const { view, publishedAt, theme } = useLoaderData<typeof loader>();
  return (
    <>
      <p className="utrecht-paragraph">
        <Link className="utrecht-link" to="/cijfers">
          Alle jaren
        </Link>
      </p>
      <h1 className="utrecht-heading-1">Landelijk beeld {view.year}</h1>
      <p className="utrecht-paragraph lead">
        De {view.outOf} regio's van Geweld hoort nergens thuis in {view.year}: de fase van de aanpak per regio, wat de rondetafelgesprekken opleverden en de
        zelfscan van de lokale teams per regio. Onder elk onderdeel staat waar de cijfers vandaan komen. Niets hier gaat over een afzonderlijke gemeente, team
        of persoon.
      </p>
      <p className="utrecht-paragraph">
        <strong>Gepubliceerd op {formatDate(publishedAt)}</strong> door het programma Geweld hoort nergens thuis. Vrij te gebruiken (CC0 1.0, publiek domein);
        vermeld graag de bron.
      </p>
      {view.demo ? (
        <p className="utrecht-paragraph notice">
          Dit is een demonstratieomgeving. Cijfers die het programma heeft gepubliceerd, staan erbij met hun bron; alle andere cijfers zijn verzonnen en
          gemarkeerd als "demo, niet gepubliceerd".
        </p>
      ) : null}
      <p className="utrecht-paragraph">
        Als open data:{" "}
        <a className="utrecht-link" href={`/cijfers/${view.year}/data.json`}>
          JSON (het hele beeld)
        </a>{" "}
        en{" "}
        <a className="utrecht-link" href={`/cijfers/${view.year}/data.csv`} download>
          CSV (de cijfers)
        </a>
        .
      </p>
      <PrintButton what="het landelijk beeld" />
      <NationalPicture view={view} theme={theme} published />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
