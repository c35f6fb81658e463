/** "Excel · CSV" for one download, the label repeated for screen readers (several such pairs share a page). */
export function SpreadsheetLinks({ href, label }: { href: (format: "xlsx" | "csv") => string; label: string }) {
  return (
    <>
      <a className="utrecht-link" href={href("xlsx")} download>
        Excel<span className="visually-hidden"> ({label})</span>
      </a>{" "}
      ·{" "}
      <a className="utrecht-link" href={href("csv")} download>
        CSV<span className="visually-hidden"> ({label})</span>
      </a>
    </>
  );
}
