import { Link } from "@remix-run/react";
import type { Paging } from "../domain/paging.ts";
import { plural } from "../domain/format.ts";

/**
 * "Teams 51–100 van 230" with links to the previous and next page. `hrefFor` keeps the page's other
 * query parameters (a search, a region).
 */
export function Pager({ paging, noun, hrefFor }: { paging: Paging; noun: [string, string]; hrefFor: (page: number) => string }) {
  return (
    <nav aria-label="Pagina's" className="pager">
      <p className="utrecht-paragraph" aria-live="polite">
        {paging.total === 0
          ? `Geen ${noun[1]} gevonden.`
          : paging.pages === 1
            ? `${plural(paging.total, noun[0], noun[1])}.`
            : `${noun[1][0]!.toUpperCase()}${noun[1].slice(1)} ${paging.first}–${paging.last} van ${paging.total} (pagina ${paging.page} van ${paging.pages}).`}
      </p>
      {paging.pages > 1 ? (
        <p className="form-actions">
          {paging.page > 1 ? (
            <Link className="utrecht-link" to={hrefFor(paging.page - 1)}>
              Vorige pagina
            </Link>
          ) : null}
          {paging.page < paging.pages ? (
            <Link className="utrecht-link" to={hrefFor(paging.page + 1)}>
              Volgende pagina
            </Link>
          ) : null}
        </p>
      ) : null}
    </nav>
  );
}
