import { SpreadsheetLinks } from "./SpreadsheetLinks.tsx";

/** Links to a year's round-table input as spreadsheets, for one region or (no region) all of them. */
export function InputExportLinks({ year, regionId }: { year: number; regionId?: number }) {
  const href = (deel: string, format: string) =>
    `/downloads/rondetafel-input.${format}?${new URLSearchParams({ jaar: String(year), deel, ...(regionId !== undefined ? { regio: String(regionId) } : {}) })}`;
  return (
    <p className="utrecht-paragraph no-print">
      Input downloaden (alleen ingediende): van de teams <SpreadsheetLinks href={(format) => href("team", format)} label="teams" />; van de gemeenten{" "}
      <SpreadsheetLinks href={(format) => href("gemeente", format)} label="gemeenten" />.
    </p>
  );
}
