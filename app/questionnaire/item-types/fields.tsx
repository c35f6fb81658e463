import type { ReactNode } from "react";
import { CharacterCount, limitId } from "../../components/CharacterCount.tsx";
import type { UseFormRegister } from "react-hook-form";
import type { FormValues } from "../answers.ts";
import type { ItemKind, ItemOf } from "./index.ts";
import type { AnswerOption } from "./spec.ts";

/**
 * The form field of each item type. QuestionField gives every field the same frame (label or legend,
 * help, condition, error, toelichting); the field renders its inputs inside it. A choice is a fieldset
 * with a legend (WCAG 1.3.1); a text, number or date field has a label.
 */
export interface FieldProps<I> {
  item: I;
  /** id of the first input: the target of the error summary's links. */
  id: string;
  options: AnswerOption[] | null;
  register: UseFormRegister<FormValues>;
  /** The value to render on the server (the page must show it without JavaScript too). */
  value: string | string[] | undefined;
  error?: string;
  describedBy?: string;
  label: ReactNode;
  /** Help, condition and error, between the label and the inputs. */
  messages: ReactNode;
  /** The toelichting box, when the item has one. */
  comment: ReactNode;
  hidden?: boolean;
}

function ChoiceField({
  item,
  id,
  options,
  register,
  value,
  error,
  describedBy,
  label,
  messages,
  comment,
  hidden,
}: FieldProps<ItemOf<"scale" | "single" | "multi" | "boolean">>) {
  const selected = Array.isArray(value) ? value : value ? [value] : [];
  const type = item.type === "multi" ? "checkbox" : "radio";
  return (
    <fieldset className={`question${error ? " question--invalid" : ""}`} aria-describedby={describedBy} hidden={hidden} data-item={item.key}>
      <legend className="question__legend">{label}</legend>
      {messages}
      <div className="question__options">
        {(options ?? []).map((option, i) => (
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
      {comment}
    </fieldset>
  );
}

/** The frame of a field with one input and a label. */
function LabelledInput({
  item,
  id,
  label,
  messages,
  error,
  hidden,
  children,
  after,
  extra,
}: FieldProps<{ key: string }> & { children: ReactNode; after?: ReactNode; extra?: ReactNode }) {
  return (
    <div className={`question${error ? " question--invalid" : ""}`} hidden={hidden} data-item={item.key}>
      <label className="question__label" htmlFor={id}>
        {label}
        {extra}
      </label>
      {messages}
      {children}
      {after}
    </div>
  );
}

const text = (value: string | string[] | undefined) => (typeof value === "string" ? value : "");

function NumberField(props: FieldProps<ItemOf<"number">>) {
  const { item, id, register, value, error, describedBy } = props;
  const unitId = `eenheid-${item.key}`;
  return (
    <LabelledInput {...props}>
      <input
        id={id}
        type="text"
        inputMode={item.integer ? "numeric" : "decimal"}
        className="utrecht-textbox utrecht-textbox--html-input"
        defaultValue={text(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[describedBy, item.unit ? unitId : undefined].filter(Boolean).join(" ") || undefined}
        size={8}
        {...register(item.key)}
      />
      {/* The unit after the input ("12 gezinnen"), not a second pair of brackets in the label. */}
      {item.unit ? (
        <span className="question__unit" id={unitId}>
          {" "}
          {item.unit}
        </span>
      ) : null}
    </LabelledInput>
  );
}

function TextField(props: FieldProps<ItemOf<"text">>) {
  const { item, id, register, value, error, describedBy } = props;
  const common = {
    id,
    defaultValue: text(value),
    "aria-invalid": error ? true : undefined,
    "aria-describedby": [describedBy, limitId(id)].filter(Boolean).join(" "),
    ...register(item.key),
  };
  return (
    <LabelledInput {...props} after={<CharacterCount fieldId={id} max={item.maxLength} />}>
      {item.multiline ? (
        <textarea className="utrecht-textarea" rows={4} {...common} />
      ) : (
        <input type="text" className="utrecht-textbox utrecht-textbox--html-input" size={40} {...common} />
      )}
    </LabelledInput>
  );
}

function DateField(props: FieldProps<ItemOf<"date">>) {
  const { item, id, register, value, error, describedBy } = props;
  const hintId = `datum-${item.key}`;
  return (
    <LabelledInput
      {...props}
      extra={
        <span className="muted" id={hintId}>
          {" "}
          (dd-mm-jjjj)
        </span>
      }
    >
      <input
        id={id}
        type="text"
        autoComplete="off"
        placeholder="dd-mm-jjjj"
        className="utrecht-textbox utrecht-textbox--html-input"
        defaultValue={text(value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={[describedBy, hintId].filter(Boolean).join(" ")}
        size={12}
        {...register(item.key)}
      />
    </LabelledInput>
  );
}

/** Every item type's field; a registered type without one does not compile. */
export const ITEM_FIELDS: { [K in ItemKind]: (props: FieldProps<ItemOf<K>>) => ReactNode } = {
  scale: ChoiceField,
  single: ChoiceField,
  multi: ChoiceField,
  boolean: ChoiceField,
  number: NumberField,
  text: TextField,
  date: DateField,
};
