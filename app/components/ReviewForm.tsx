import { Form, useNavigation } from "@remix-run/react";
import { COMMENT_MAX, NOTE_PREFIX, noteField } from "../domain/review.ts";
import { CharacterCount, limitId } from "./CharacterCount.tsx";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { FieldError } from "./FieldError.tsx";
import type { ReviewActionData } from "./ReopenForm.tsx";

// The gemeente's review of a submitted team scan, around its answers: at the top what to do and the two
// buttons, beside each answer a remark for the team, at the end the comment and the buttons again. Every
// field belongs to one form (id "beoordeling", the HTML form attribute), so the buttons at the top post
// the remarks and the comment below them too.

const FORM_ID = "beoordeling";
const noteId = (itemKey: string) => `opmerking-${itemKey}`;

/** Accept and return; while an acceptance waits for its confirmation, "Ja, accepteren" and "Nee, terug" instead. */
function Buttons({ busy, confirming }: { busy: boolean; confirming: boolean }) {
  if (confirming) {
    return (
      <div className="form-actions">
        <button type="submit" form={FORM_ID} name="confirm" value="ja" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
          Ja, accepteren
        </button>
        <button type="submit" form={FORM_ID} name="confirm" value="nee" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
          Nee, terug
        </button>
      </div>
    );
  }
  return (
    <div className="form-actions">
      <button type="submit" form={FORM_ID} name="decision" value="accept" className="utrecht-button utrecht-button--primary-action" disabled={busy}>
        Accepteren
      </button>
      <button type="submit" form={FORM_ID} name="decision" value="return" className="utrecht-button utrecht-button--secondary-action" disabled={busy}>
        Terugsturen met opmerking
      </button>
    </div>
  );
}

const isConfirming = (actionData: ReviewActionData) => Boolean(actionData && "confirmAccept" in actionData && actionData.confirmAccept);

/** Above the answers: what the gemeente does here, the messages of a failed post, the confirmation of an acceptance. */
export function ReviewStart({ subject, actionData }: { subject: string; actionData: ReviewActionData }) {
  const busy = useNavigation().state === "submitting";
  const errors = actionData?.errors ?? {};
  const targetOf = (field: string) =>
    field === "comment" ? "opmerking" : field.startsWith(NOTE_PREFIX) ? noteId(field.slice(NOTE_PREFIX.length)) : "beoordelen";
  return (
    <section aria-labelledby="beoordelen" className="page-section review">
      <h2 id="beoordelen" className="utrecht-heading-2" tabIndex={-1}>
        Beoordelen
      </h2>
      <ErrorSummary
        items={Object.entries(errors).map(([field, message]) => ({ target: targetOf(field), message, aboutForm: field === "form" }))}
        focusKey={actionData}
      />
      <p className="utrecht-paragraph">
        Lees de antwoorden hieronder. Bij elke vraag kunt u een opmerking voor het team zetten; het team ziet die bij de vraag. Accepteer de zelfscan, of stuur
        hem terug met een opmerking: het team kan hem dan aanpassen en opnieuw indienen. De knoppen staan ook onder de antwoorden.
      </p>
      {isConfirming(actionData) ? (
        <div className="notice notice--warn" role="alert" tabIndex={-1} id="bevestigen">
          <p>
            <strong>Weet u zeker dat u de zelfscan van {subject} accepteert?</strong> Daarna kan het team niets meer wijzigen. Is dat later toch nodig, dan kunt
            u hem heropenen met een reden. Uw opmerkingen gaan mee.
          </p>
        </div>
      ) : null}
      <Buttons busy={busy} confirming={isConfirming(actionData)} />
    </section>
  );
}

/** Beside an answer: a remark about this question for the team, folded away until the gemeente opens it. */
export function ReviewNoteField({ itemKey, label, actionData }: { itemKey: string; label: string; actionData: ReviewActionData }) {
  const value = actionData?.values[noteField(itemKey)] ?? "";
  const error = actionData?.errors[noteField(itemKey)];
  const id = noteId(itemKey);
  return (
    <dd className="review-note-field">
      <details open={value !== "" || error !== undefined}>
        <summary>Opmerking bij {label} voor het team</summary>
        <label className="utrecht-form-label" htmlFor={id}>
          Opmerking bij {label}
        </label>
        <FieldError id={`fout-${id}`} message={error} />
        <textarea
          id={id}
          name={noteField(itemKey)}
          form={FORM_ID}
          className="utrecht-textarea"
          rows={2}
          defaultValue={value}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? `fout-${id}` : null, limitId(id)].filter(Boolean).join(" ")}
        />
        <CharacterCount fieldId={id} max={COMMENT_MAX} />
      </details>
    </dd>
  );
}

/** Under the answers: the comment for the team (required when returning) and the buttons. */
export function ReviewForm({ revision, actionData }: { revision: number; actionData: ReviewActionData }) {
  const busy = useNavigation().state === "submitting";
  const error = actionData?.errors.comment;
  return (
    <section aria-labelledby="beoordeling-afronden" className="page-section review">
      <h2 id="beoordeling-afronden" className="utrecht-heading-2">
        Beoordeling afronden
      </h2>
      <Form method="post" id={FORM_ID}>
        <input type="hidden" name="revision" value={revision} />
        {/* The decision chosen before the confirmation, posted again with "ja" (or "nee": back to the review). */}
        {isConfirming(actionData) ? <input type="hidden" name="decision" value="accept" /> : null}
        <label className="utrecht-form-label" htmlFor="opmerking">
          Opmerking voor het team (verplicht bij terugsturen)
        </label>
        <FieldError id="fout-opmerking" message={error} />
        <textarea
          id="opmerking"
          name="comment"
          className="utrecht-textarea"
          rows={3}
          defaultValue={actionData?.values.comment ?? ""}
          aria-invalid={error ? true : undefined}
          aria-describedby={[error ? "fout-opmerking" : null, limitId("opmerking")].filter(Boolean).join(" ")}
        />
        <CharacterCount fieldId="opmerking" max={COMMENT_MAX} />
      </Form>
      <Buttons busy={busy} confirming={isConfirming(actionData)} />
    </section>
  );
}
