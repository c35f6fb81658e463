import { formatDate } from "../domain/format.ts";
import { DataTable } from "./DataTable.tsx";

export interface VeiligThuisAnswers {
  submittedAt: string | null;
  items: { key: string; text: string; answer: string | null; comment: string | null }[];
}

/**
 * Veilig Thuis's view of the samenwerking (theme G) with a gemeente's teams, as Veilig Thuis submitted it,
 * beside the page's own side where it has one (the team's answers, or how the gemeente's teams answered).
 */
export function VeiligThuisView({
  view,
  municipalityName,
  own,
}: {
  view: VeiligThuisAnswers | null;
  municipalityName: string;
  own?: { heading: string; answers: Record<string, string> } | null;
}) {
  if (!view) return <p className="utrecht-paragraph">Veilig Thuis heeft zijn kijk op de samenwerking met gemeente {municipalityName} nog niet ingediend.</p>;
  return (
    <DataTable
      caption={`De kijk van Veilig Thuis op de samenwerking met de teams van gemeente ${municipalityName}${view.submittedAt ? `, ingediend op ${formatDate(view.submittedAt)}` : ""}`}
    >
      <thead>
        <tr>
          <th scope="col">Vraag (zoals Veilig Thuis hem beantwoordde)</th>
          <th scope="col">Veilig Thuis</th>
          <th scope="col">Toelichting van Veilig Thuis</th>
          {own ? <th scope="col">{own.heading}</th> : null}
        </tr>
      </thead>
      <tbody>
        {view.items.map((item) => (
          <tr key={item.key}>
            <th scope="row">
              {item.key}. {item.text}
            </th>
            <td>{item.answer ?? "niet beantwoord"}</td>
            <td>{item.comment ?? "–"}</td>
            {own ? <td>{own.answers[item.key] ?? "niet beantwoord"}</td> : null}
          </tr>
        ))}
      </tbody>
    </DataTable>
  );
}
