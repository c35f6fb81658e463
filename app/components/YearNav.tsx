import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** Links to each year, the chosen one marked as the current page; extra links follow. */
export function YearNav({ years, year, label, children }: { years: number[]; year: number | null; label: string; children?: ReactNode }) {
  return (
    <nav aria-label={label} className="form-actions no-print">
      {years.map((y) =>
        y === year ? (
          <strong key={y} aria-current="page">
            {y}
          </strong>
        ) : (
          <Link key={y} className="utrecht-link" to={`?jaar=${y}`}>
            {y}
          </Link>
        ),
      )}
      {children}
    </nav>
  );
}
