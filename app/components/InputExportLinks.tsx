/** Links to a year's round-table input as spreadsheets, for one region or (no region) all of them. */
export function InputExportLinks({ year, regionId }: { year: number; regionId?: number }) {
  const href = (deel: string, format: string) =>
    `/downloads/rondetafel-input.${format}?${new URLSearchParams({ jaar: String(year), deel, ...(regionId !== undefined ? { regio: String(regionId) } : {}) })}`;
  return (
    <p className="utrecht-paragraph no-print">
      Input downloaden (alleen ingediende): van de teams{" "}
      <a className="utrecht-link" href={href("team", "xlsx")} download>
        Excel<span className="visually-hidden"> (teams)</span>
      </a>{" "}
      ·{" "}
      <a className="utrecht-link" href={href("team", "csv")} download>
        CSV<span className="visually-hidden"> (teams)</span>
      </a>
      ; van de gemeenten{" "}
      <a className="utrecht-link" href={href("gemeente", "xlsx")} download>
        Excel<span className="visually-hidden"> (gemeenten)</span>
      </a>{" "}
      ·{" "}
      <a className="utrecht-link" href={href("gemeente", "csv")} download>
        CSV<span className="visually-hidden"> (gemeenten)</span>
      </a>
      .
    </p>
  );
}
