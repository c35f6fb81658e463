import { SpreadsheetLinks } from "./SpreadsheetLinks.tsx";

type File = { label: string; file: string; extra: Record<string, string> };

const SCOPE_FILES: File[] = [
  { label: "Antwoorden van de teams", file: "zelfscan-antwoorden", extra: { deel: "team" } },
  { label: "Antwoorden gemeentelijk deel", file: "zelfscan-antwoorden", extra: { deel: "gemeente" } },
  { label: "Antwoorden van Veilig Thuis (thema G)", file: "zelfscan-antwoorden", extra: { deel: "veilig-thuis" } },
  { label: "Resultaten per thema", file: "zelfscan-resultaten", extra: {} },
  { label: "Kijk van de professionals (per team, vanaf 3 reacties)", file: "zelfscan-professionals", extra: {} },
];

// A team's own copy: its own answers, its results beside its groups, its professionals' view.
const TEAM_FILES: File[] = [
  { label: "Antwoorden van het team", file: "zelfscan-antwoorden", extra: { deel: "team" } },
  { label: "Resultaten per thema, naast gemeente, regio en Nederland", file: "zelfscan-resultaten", extra: {} },
  { label: "Kijk van de professionals (vanaf 3 reacties)", file: "zelfscan-professionals", extra: {} },
];

/**
 * Links to a zelfscan round's downloads in a scope: for a region or gemeente the answers (team part, municipal
 * part, Veilig Thuis), the results per theme and the professionals' view; for a team its own copy.
 */
export function ExportLinks({
  roundId,
  roundName,
  scope,
}: {
  roundId: number;
  roundName: string;
  scope: { regio?: number; gemeente?: number; team?: number };
}) {
  const query = (extra: Record<string, string>) =>
    new URLSearchParams({
      ronde: String(roundId),
      ...(scope.team !== undefined ? { team: String(scope.team) } : {}),
      ...(scope.gemeente !== undefined ? { gemeente: String(scope.gemeente) } : {}),
      ...(scope.regio !== undefined ? { regio: String(scope.regio) } : {}),
      ...extra,
    }).toString();
  const files = scope.team !== undefined ? TEAM_FILES : SCOPE_FILES;
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
