import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "../components/GeneralErrorBoundary.tsx";
import { formatDate } from "../domain/format.ts";
import { publishedYears } from "../models/publications.server.ts";

// The published national pictures, one per year: public, no account, no session (issue 30).

export const meta: MetaFunction = () => [{ title: "Landelijk beeld Geweld hoort nergens thuis – Werken aan veiligheid" }];

export async function loader({ context }: LoaderFunctionArgs) {
  return { years: await publishedYears(context.db) };
}

export default function PublicPictures() {
  const { years } = useLoaderData<typeof loader>();
  return (
    <>
      <h1 className="utrecht-heading-1">Landelijk beeld Geweld hoort nergens thuis</h1>
      <p className="utrecht-paragraph lead">
        Elk jaar brengt het programma Geweld hoort nergens thuis in beeld hoe de 28 regio's ervoor staan: in welke fase van de aanpak ze zijn, wat de
        rondetafelgesprekken opleverden en hoe de lokale teams zichzelf beoordelen met de zelfscan van het kwaliteitskader Werken aan veiligheid. Iedereen kan
        het lezen; het staat vast zoals het programma het publiceerde.
      </p>
      {years.length ? (
        <ul className="utrecht-unordered-list">
          {years.map((y) => (
            <li key={y.year} className="utrecht-unordered-list__item">
              <Link className="utrecht-link" to={`/cijfers/${y.year}`}>
                Landelijk beeld {y.year}
              </Link>{" "}
              (gepubliceerd op {formatDate(y.publishedAt)})
            </li>
          ))}
        </ul>
      ) : (
        <p className="utrecht-paragraph">Er is nog geen landelijk beeld gepubliceerd.</p>
      )}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
