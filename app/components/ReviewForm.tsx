import { Form, Link, useNavigation } from "@remix-run/react";
import { COMMENT_MAX } from "../forms/review.ts";
import { ErrorSummary } from "./ErrorSummary.tsx";
import { FieldError } from "./FieldError.tsx";
import type { ReviewActionData } from "./ReopenForm.tsx";

/** The gemeente's review of a submitted team scan: accept (after confirming) or return with a comment. */
export function ReviewForm({
  responseId,
  subject,
  revision,
  actionData,
}: {
  responseId: number;
  subject: string;
  revision: number;
  actionData: ReviewActionData;
}) {
  const navigation = useNavigation();
  return (
    <section aria-labelledby="beoordelen" className="page-section review">
      <h2 id="beoordelen" className="utrecht-heading-2">
        Beoordelen
      </h2>
      <ErrorSummary
        items={Object.entries(actionData?.errors ?? {}).map(([field, message]) => ({ target: field === "comment" ? "opmerking" : "beoordelen", message }))}
        focusKey={actionData}
      />
      <p className="utrecht-paragraph">
        Accepteer de zelfscan, of stuur hem terug naar het team met een opmerking; het team kan hem dan aanpassen en opnieuw indienen.
      </p>
      {actionData && "confirmAccept" in actionData ? (
        <div className="notice notice--warn" role="alert" tabIndex={-1} id="bevestigen">
          <p>
            <strong>Weet u zeker dat u de zelfscan van {subject} accepteert?</strong> Daarna kan het team niets meer wijzigen. Is dat later toch nodig, dan kunt
            u hem heropenen met een reden.
          </p>
          <Form method="post" className="form-actions">
            <input type="hidden" name="revision" value={revision} />
            <input type="hidden" name="decision" value="accept" />
            <input type="hidden" name="confirm" value="ja" />
            <button type="submit" className="utrecht-button utrecht-button--primary-action" disabled={navigation.state === "submitting"}>
              Ja, accepteren
            </button>
            <Link className="utrecht-link" to={`/vragenlijsten/${responseId}`}>
              Nee, terug
            </Link>
          </Form>
        </div>
      ) : null}
      <Form method="post">
        <input type="hidden" name="revision" value={revision} />
        <label className="utrecht-form-label" htmlFor="opmerking">
          Opmerking voor het team (verplicht bij terugsturen)
        </label>
        <FieldError id="fout-opmerking" message={actionData?.errors && "comment" in actionData.errors ? actionData.errors.comment : undefined} />
        <textarea
          id="opmerking"
          name="comment"
          className="utrecht-textarea"
          rows={3}
          maxLength={COMMENT_MAX}
          defaultValue={actionData?.values.comment ?? ""}
          aria-invalid={actionData?.errors && "comment" in actionData.errors ? true : undefined}
          aria-describedby={actionData?.errors && "comment" in actionData.errors ? "fout-opmerking" : undefined}
        />
        <div className="form-actions">
          <button
            type="submit"
            name="decision"
            value="accept"
            className="utrecht-button utrecht-button--primary-action"
            disabled={navigation.state === "submitting"}
          >
            Accepteren
          </button>
          <button
            type="submit"
            name="decision"
            value="return"
            className="utrecht-button utrecht-button--secondary-action"
            disabled={navigation.state === "submitting"}
          >
            Terugsturen met opmerking
          </button>
        </div>
      </Form>
    </section>
  );
}
