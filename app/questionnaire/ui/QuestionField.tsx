import { useRef, type ReactNode } from "react";
import type { UseFormRegister } from "react-hook-form";
import type { FormValues } from "../answers.ts";
import { COMMENT_MAX_LENGTH, commentField, questionNumber, type Item, type QuestionnaireDefinition } from "../definition.ts";
import { ITEM_FIELDS, type FieldProps } from "../item-types/fields.tsx";
import { optionsOf } from "../item-types/index.ts";
import { FieldError } from "../../components/FieldError.tsx";
import { CharacterCount, limitId } from "../../components/CharacterCount.tsx";

/** id of an item's first input: the target of the error summary's links and of "what is left" links. */
export const fieldId = (itemKey: string) => `veld-${itemKey}`;

interface Props {
  definition: QuestionnaireDefinition;
  item: Item;
  register: UseFormRegister<FormValues>;
  /** The value to render on the server (the page must show it without JavaScript too). */
  value: string | string[] | undefined;
  comment: string | undefined;
  error?: string;
  commentError?: string;
  /** Text that says when the item applies, shown without JavaScript (with it, the item hides itself). */
  conditionText?: string;
  hidden?: boolean;
  /** The gemeente's remark about this question from its last review, shown beside it. */
  reviewNote?: ReactNode;
}

/**
 * One question: its label, help, condition, error and toelichting, around the inputs its type renders.
 * Errors are text beside the field, linked with aria-describedby, and mark it aria-invalid.
 */
export function QuestionField({ definition, item, register, value, comment, error, commentError, conditionText, hidden, reviewNote }: Props) {
  const id = fieldId(item.key);
  const helpId = item.help ? `hulp-${item.key}` : undefined;
  const errorId = error ? `fout-${item.key}` : undefined;
  const conditionId = conditionText ? `voorwaarde-${item.key}` : undefined;
  const noteId = reviewNote ? `opmerking-gemeente-${item.key}` : undefined;
  const describedBy = [errorId, noteId, helpId, conditionId].filter(Boolean).join(" ") || undefined;
  const options = optionsOf(item, definition.scale.options);
  const requiredMark = item.required ? null : <span className="muted"> (niet verplicht)</span>;
  const number = questionNumber(item.key);
  const label = (
    <>
      {number ? <span className="question__key">{number}</span> : null} {item.text}
      {requiredMark}
    </>
  );
  const messages = (
    <>
      {reviewNote ? <div id={noteId}>{reviewNote}</div> : null}
      {item.help ? (
        <p id={helpId} className="question__help">
          {item.help}
        </p>
      ) : null}
      {conditionText ? (
        <p id={conditionId} className="question__condition">
          {conditionText}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} />
    </>
  );

  // Once open (a comment, or an error in it), the toelichting stays open: when the error is mended while
  // the user types, React would otherwise close the box under their hands.
  const commentOpen = useRef(false);
  if (comment || commentError) commentOpen.current = true;
  const commentInput =
    "comment" in item && item.comment ? (
      <details className="question__comment" open={commentOpen.current}>
        <summary>Toelichting {comment ? "(ingevuld)" : "toevoegen (niet verplicht)"}</summary>
        <label className="utrecht-form-label" htmlFor={commentField(item.key)}>
          Toelichting bij {number ?? item.text}
        </label>
        <FieldError id={`fout-${commentField(item.key)}`} message={commentError} />
        <textarea
          id={commentField(item.key)}
          className="utrecht-textarea"
          rows={3}
          defaultValue={comment ?? ""}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={[commentError ? `fout-${commentField(item.key)}` : null, limitId(commentField(item.key))].filter(Boolean).join(" ")}
          {...register(commentField(item.key))}
        />
        <CharacterCount fieldId={commentField(item.key)} max={COMMENT_MAX_LENGTH} />
      </details>
    ) : null;

  // The item's type renders its inputs in this frame (item-types/fields.tsx).
  const Field = ITEM_FIELDS[item.type] as (props: FieldProps<Item>) => ReactNode;
  return (
    <Field
      item={item}
      id={id}
      options={options}
      register={register}
      value={value}
      error={error}
      describedBy={describedBy}
      label={label}
      messages={messages}
      comment={commentInput}
      hidden={hidden}
    />
  );
}
