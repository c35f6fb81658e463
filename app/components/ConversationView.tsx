import type { Conversation, ItemConversation } from "../domain/conversation.ts";
import { DataTable } from "./DataTable.tsx";

/** Why an item is a topic, in words: the team's answer differs from most professionals', or they differ among themselves. */
function why(item: ItemConversation): string {
  const reasons = [
    item.difference >= 0.25 ? "het antwoord van het team wijkt af van dat van de professionals" : null,
    item.spread >= 0.5 ? "de professionals denken er verschillend over" : null,
  ].filter(Boolean);
  return reasons.length ? reasons.join("; ") : "de blikken lopen uiteen";
}

const counts = (item: ItemConversation) =>
  item.counts
    .filter((c) => c.count > 0)
    .map((c) => `${c.label} ${c.count}×`)
    .join(", ") || "niet beantwoord";

/**
 * The professionals' view beside the team's answers: the topics for the team meeting first, then per theme
 * each question with how often each answer was given. Below PROFESSIONALS_MIN views it shows only how many
 * there are and how many are missing.
 */
export function ConversationView({
  conversation,
  managerAnswersShown,
  headingLevel = 3,
}: {
  conversation: Conversation;
  managerAnswersShown: boolean;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const SubHeading = headingLevel === 2 ? "h3" : "h4";
  if (!conversation.shown) {
    return (
      <p className="utrecht-paragraph">
        De kijk van de professionals verschijnt vanaf 3 reacties, zodat niemand te herkennen is. Er {conversation.responses === 1 ? "is" : "zijn"} nu{" "}
        {conversation.responses} {conversation.responses === 1 ? "reactie" : "reacties"}; er {conversation.missing === 1 ? "is" : "zijn"} er nog{" "}
        {conversation.missing} nodig.
      </p>
    );
  }
  const team = (item: ItemConversation) => (managerAnswersShown ? (item.manager ?? "nog niet beantwoord") : "nog niet ingediend");
  return (
    <>
      <p className="utrecht-paragraph">
        {conversation.responses} professionals gaven hun kijk. Per vraag staat hoe vaak elk antwoord is gegeven; wie wat antwoordde, is niet te zien.
      </p>
      <Heading className={headingLevel === 2 ? "utrecht-heading-2" : "utrecht-heading-3"}>Gespreksonderwerpen</Heading>
      {conversation.topics.length ? (
        <ol className="topics">
          {conversation.topics.map((item) => (
            <li key={item.key} className="topics__item">
              <p>
                <strong>
                  {item.number ? `${item.number}. ` : ""}
                  {item.text}
                </strong>
              </p>
              <p>
                Team: {team(item)} · Professionals: {counts(item)}
              </p>
              <p className="muted">Waarom: {why(item)}.</p>
            </li>
          ))}
        </ol>
      ) : (
        <p className="utrecht-paragraph">De professionals en het team zien het werk grotendeels hetzelfde: er springt geen vraag uit.</p>
      )}
      {conversation.themes.map((theme) => {
        const options = theme.items[0]?.counts ?? [];
        const comments = theme.items.flatMap((i) => i.comments.map((c) => ({ key: i.key, text: c })));
        return (
          <section key={theme.key} aria-labelledby={`kijk-${theme.key}`} className="conversation__theme">
            <SubHeading id={`kijk-${theme.key}`} className={headingLevel === 2 ? "utrecht-heading-3" : "utrecht-heading-4"}>
              {theme.key}. {theme.title}
            </SubHeading>
            <DataTable caption={`Thema ${theme.key}: het antwoord van het team en hoe vaak de professionals elk antwoord gaven`}>
              <thead>
                <tr>
                  <th scope="col">Vraag</th>
                  <th scope="col">Team</th>
                  {options.map((o) => (
                    <th key={o.value} scope="col" className="number">
                      {o.label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {theme.items.map((item) => (
                  <tr key={item.key}>
                    <th scope="row">
                      {item.number ? `${item.number}. ` : ""}
                      {item.text}
                    </th>
                    <td>{team(item)}</td>
                    {item.counts.map((c) => (
                      <td key={c.value} className="number">
                        {c.count}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </DataTable>
            {comments.length ? (
              <details className="conversation__comments">
                <summary>
                  Toelichtingen van professionals bij thema {theme.key} ({comments.length})
                </summary>
                <ul className="utrecht-unordered-list">
                  {comments.map((c, i) => (
                    <li key={i}>
                      {c.key}: {c.text}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </section>
        );
      })}
    </>
  );
}
