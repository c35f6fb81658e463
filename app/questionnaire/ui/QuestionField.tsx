import { useRef } from "react";
import type { UseFormRegister } from "react-hook-form";
import type { FormValues } from "../answers.ts";
import { commentField, optionsOf, type Item, type QuestionnaireDefinition } from "../definition.ts";
import { FieldError } from "../../components/FieldError.tsx";

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
}

/**
 * One question. Choice groups are a fieldset with a legend (WCAG 1.3.1); text and number fields have a
 * label. Errors are text beside the field, linked with aria-describedby, and mark it aria-invalid.
 */
export function QuestionField({ definition, item, register, value, comment, error, commentError, conditionText, hidden }: Props) {
  const id = fieldId(item.key);
  const helpId = item.help ? `hulp-${item.key}` : undefined;
  const errorId = error ? `fout-${item.key}` : undefined;
  const conditionId = conditionText ? `voorwaarde-${item.key}` : undefined;
  const describedBy = [errorId, helpId, conditionId].filter(Boolean).join(" ") || undefined;
  const options = optionsOf(item, definition.scale.options);
  const requiredMark = item.required ? null : <span className="muted"> (niet verplicht)</span>;
  const label = (
    <>
      <span className="question__key">{item.key}</span> {item.text}
      {requiredMark}
    </>
  );
  const messages = (
    <>
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
          Toelichting bij {item.key}
        </label>
        <FieldError id={`fout-${commentField(item.key)}`} message={commentError} />
        <textarea
          id={commentField(item.key)}
          className="utrecht-textarea"
          rows={3}
          defaultValue={comment ?? ""}
          aria-invalid={commentError ? true : undefined}
          aria-describedby={commentError ? `fout-${commentField(item.key)}` : undefined}
          {...register(commentField(item.key))}
        />
      </details>
    ) : null;

  if (options) {
    const selected = Array.isArray(value) ? value : value ? [value] : [];
    const type = item.type === "multi" ? "checkbox" : "radio";
    return (
      <fieldset className={`question${error ? " question--invalid" : ""}`} aria-describedby={describedBy} hidden={hidden} data-item={item.key}>
        <legend className="question__legend">{label}</legend>
        {messages}
        <div className="question__options">
          {options.map((option, i) => (
            <label key={option.value} className="question__option">
              <input
                type={type}
                id={i === 0 ? id : `${id}-${option.value}`}
                value={option.value}
                defaultChecked={selected.includes(option.value)}
                aria-invalid={error ? true : undefined}
                {...register(item.key)}
              />
              {option.label}
            </label>
          ))}
        </div>
        {commentInput}
      </fieldset>
    );
  }

  const input =
    item.type === "text" && item.multiline ? (
      <textarea
        id={id}
        className="utrecht-textarea"
        rows={4}
        defaultValue={typeof value === "string" ? value : ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...register(item.key)}
      />
    ) : (
      <input
        id={id}
        type="text"
        inputMode={item.type === "number" ? (item.type === "number" && !item.integer ? "decimal" : "numeric") : undefined}
        className="utrecht-textbox utrecht-textbox--html-input"
        defaultValue={typeof value === "string" ? value : ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        size={item.type === "number" ? 8 : 40}
        {...register(item.key)}
      />
    );
  return (
    <div className={`question${error ? " question--invalid" : ""}`} hidden={hidden} data-item={item.key}>
      <label className="question__label" htmlFor={id}>
        {label}
        {item.type === "number" && item.unit ? <span className="muted"> (aantal {item.unit})</span> : null}
      </label>
      {messages}
      {input}
      {item.type === "text" ? <p className="muted">Hoogstens {item.maxLength} tekens.</p> : null}
    </div>
  );
}
