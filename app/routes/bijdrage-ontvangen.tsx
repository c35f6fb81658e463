import type { MetaFunction } from "@remix-run/node";

// Where a professional lands after submitting: no link, nothing of the team, so the page can be shared or
// left open without giving anything away.

export const meta: MetaFunction = () => [{ title: "Bedankt voor uw bijdrage – Werken aan veiligheid" }];

export default function ContributionReceived() {
  return (
    <>
      <h1 className="utrecht-heading-1">Bedankt voor uw bijdrage</h1>
      <p className="utrecht-paragraph">
        Uw kijk is ingediend, anoniem. Uw team ziet de antwoorden van alle collega's samen, zodra ten minste drie collega's hebben gereageerd, en bespreekt de
        punten waarop de blikken het meest verschillen in een teamoverleg.
      </p>
      <p className="utrecht-paragraph">U kunt dit venster sluiten.</p>
    </>
  );
}
