import { plural } from "../domain/format.ts";
import { DataTable } from "./DataTable.tsx";

export interface InputQuestionView {
  key: string;
  text: string;
  counts: { value: string; label: string; count: number }[] | null;
  texts: { from: string; text: string }[];
}

export interface InputViewData {
  audience: "team" | "municipality";
  title: string;
  submitted: number;
  questions: InputQuestionView[];
}

/**
 * A region's submitted input for its round-table talk, as programma and the regio read it before and during
 * the talk: per question, the counts of a choice question's answers, and every written answer with the
 * name of the team or gemeente that gave it. Prints as it reads.
 */
export function RegionInputView({ views, headingLevel = 2 }: { views: InputViewData[]; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const Sub = headingLevel === 2 ? "h3" : "h4";
  return (
    <>
      {views.map((view) => (
        <section key={view.audience} aria-labelledby={`input-${view.audience}`} className="page-section input-view">
          <Heading id={`input-${view.audience}`} className={headingLevel === 2 ? "utrecht-heading-2" : "utrecht-heading-3"}>
            {view.audience === "team" ? "Input van de lokale (wijk)teams" : "Input van de gemeenten"}
          </Heading>
          <p className="utrecht-paragraph">
            {view.submitted === 0
              ? "Nog geen ingediende input."
              : `${plural(view.submitted, view.audience === "team" ? "team heeft" : "gemeente heeft", view.audience === "team" ? "teams hebben" : "gemeenten hebben")} input ingediend. Alleen ingediende input telt mee.`}
          </p>
          {view.submitted > 0
            ? view.questions.map((q) => (
                <div key={q.key} className="input-view__question">
                  <Sub className={headingLevel === 2 ? "utrecht-heading-3" : "utrecht-heading-4"}>{q.text}</Sub>
                  {q.counts ? (
                    <DataTable caption={<>Aantallen bij: {q.text}</>} compact>
                      <thead>
                        <tr>
                          <th scope="col">Antwoord</th>
                          <th scope="col" className="number">
                            Aantal
                          </th>
                        </tr>
                      </thead>
                      <tbody>
                        {q.counts.map((c) => (
                          <tr key={c.value}>
                            <th scope="row">{c.label}</th>
                            <td className="number">{c.count}</td>
                          </tr>
                        ))}
                      </tbody>
                    </DataTable>
                  ) : q.texts.length ? (
                    <ul className="input-view__texts">
                      {q.texts.map((t, i) => (
                        <li key={i}>
                          <strong>{t.from}:</strong> <span className="preserve-lines">{t.text}</span>
                        </li>
                      ))}
                    </ul>
                  ) : (
                    <p className="muted">Niemand schreef hier iets.</p>
                  )}
                </div>
              ))
            : null}
        </section>
      ))}
    </>
  );
}
