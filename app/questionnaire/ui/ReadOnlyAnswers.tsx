import type { ReactNode } from "react";
import { answerLookup, conditionText, displayAnswer, isVisible, type AnswerMap } from "../answers.ts";
import { questionNumber, sectionHeading, type Item, type QuestionnaireDefinition, type QuestionnaireSection } from "../definition.ts";

/**
 * A section's answers to read: question, answer (or "niet beantwoord") and the toelichting; `action` under
 * the heading (a "Wijzigen" link), `itemExtra` under an answer (a review's remark, or the field to write one).
 */
export function ReadOnlySection({
  definition,
  section,
  answers,
  headingLevel = 2,
  action,
  itemExtra,
}: {
  definition: QuestionnaireDefinition;
  section: QuestionnaireSection;
  answers: AnswerMap;
  headingLevel?: 2 | 3;
  action?: ReactNode;
  itemExtra?: (item: Item) => ReactNode;
}) {
  const lookup = answerLookup(answers);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section className="page-section" aria-labelledby={`onderdeel-${section.key}`}>
      <Heading id={`onderdeel-${section.key}`} className={headingLevel === 2 ? "utrecht-heading-2" : "utrecht-heading-3"}>
        {sectionHeading(section)}
      </Heading>
      {action}
      <dl className="answers">
        {section.items.map((item) => {
          // A question whose condition is not met keeps its place (H4, H5, H6), marked as not applying.
          if (!isVisible(definition, item, lookup)) {
            return (
              <div key={item.key} className="answers__skipped">
                <dt>
                  {questionNumber(item.key) ? <span className="question__key">{item.key}</span> : null} {item.text}
                </dt>
                <dd>
                  <em>Niet van toepassing.</em> {conditionText(definition, item)}
                </dd>
              </div>
            );
          }
          const shown = displayAnswer(definition, item, answers[item.key]);
          const comment = answers[item.key]?.comment;
          return (
            <div key={item.key}>
              <dt>
                {questionNumber(item.key) ? <span className="question__key">{item.key}</span> : null} {item.text}
              </dt>
              <dd>{shown ?? <em>Niet beantwoord</em>}</dd>
              {comment ? <dd className="answers__comment">Toelichting: {comment}</dd> : null}
              {itemExtra?.(item)}
            </div>
          );
        })}
      </dl>
    </section>
  );
}
