import { SpreadsheetLinks } from "./SpreadsheetLinks.tsx";

/** Links to a zelfscan round's downloads in a scope: the answers (team part, municipal part, Veilig Thuis), the results per theme, the professionals' view. */
export function ExportLinks({ roundId, roundName, scope }: { roundId: number; roundName: string; scope: { regio?: number; gemeente?: number } }) {
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({
      ronde: String(roundId),
      ...(scope.gemeente !== undefined ? { gemeente: String(scope.gemeente) } : {}),
      ...(scope.regio !== undefined ? { regio: String(scope.regio) } : {}),
      ...extra,
    }).toString();
  const files: { label: string; file: string; extra: Record<string, string> }[] = [
    { label: "Antwoorden van de teams", file: "zelfscan-antwoorden", extra: { deel: "team" } },
    { label: "Antwoorden gemeentelijk deel", file: "zelfscan-antwoorden", extra: { deel: "gemeente" } },
    { label: "Antwoorden van Veilig Thuis (thema G)", file: "zelfscan-antwoorden", extra: { deel: "veilig-thuis" } },
    { label: "Resultaten per thema", file: "zelfscan-resultaten", extra: {} },
    { label: "Kijk van de professionals (per team, vanaf 3 reacties)", file: "zelfscan-professionals", extra: {} },
  ];
  return (
    <section aria-labelledby={`downloads-${roundId}`} className="page-section no-print">
      <h2 id={`downloads-${roundId}`} className="utrecht-heading-2">
        Downloaden: {roundName}
      </h2>
      <p className="utrecht-paragraph">
        Alleen ingediende zelfscans. Het Excel-bestand heeft ook een codeboek: per kolom de vraag, het thema en de mogelijke antwoorden. De resultaten per groep
        volgen dezelfde regel als de pagina's: wat daar "niet getoond" is, staat er ook niet in, met de reden; van de professionals alleen teams met 3 of meer
        reacties, en nooit iemands eigen antwoorden.
      </p>
      <ul className="utrecht-unordered-list">
        {files.map((f) => (
          <li key={`${f.file}-${f.extra.deel ?? ""}`}>
            {f.label}: <SpreadsheetLinks href={(format) => `/downloads/${f.file}.${format}?${query(f.extra)}`} label={f.label} />
          </li>
        ))}
      </ul>
    </section>
  );
}
