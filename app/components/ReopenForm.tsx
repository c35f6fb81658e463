import { Form, useNavigation } from "@remix-run/react";
import { COMMENT_MAX } from "../domain/review.ts";
import { ErrorSummary } from "./ErrorSummary.tsx";

/** What a review or reopening action answered: field messages and the posted values; confirmAccept asks "really accept?". */
export type ReviewActionData = { errors: Record<string, string>; values: Record<string, string | undefined>; confirmAccept?: boolean } | undefined;

/** Reopening a submitted round-table record (programma) or an accepted team scan (its gemeente), with a reason. */
export function ReopenForm({ revision, isRoundTable, actionData }: { revision: number; isRoundTable: boolean; actionData: ReviewActionData }) {
  const navigation = useNavigation();
  return (
    <details className="phase-form">
      <summary>{isRoundTable ? "Verslag heropenen om te corrigeren" : "Zelfscan heropenen (het team kan hem dan weer aanpassen)"}</summary>
      <ErrorSummary
        items={Object.entries(actionData?.errors ?? {}).map(([field, message]) => ({
          target: field === "reason" ? "reden-heropenen" : "heropenen",
          message,
          aboutForm: field === "form",
        }))}
        focusKey={actionData}
      />
      <Form method="post" id="heropenen">
        <input type="hidden" name="revision" value={revision} />
        <label className="utrecht-form-label" htmlFor="reden-heropenen">
          Reden (verplicht)
        </label>
        <textarea
          id="reden-heropenen"
          name="reason"
          className="utrecht-textarea"
          rows={3}
          maxLength={COMMENT_MAX}
          defaultValue={actionData?.values.reason ?? ""}
        />
        <button type="submit" className="utrecht-button utrecht-button--secondary-action" disabled={navigation.state === "submitting"}>
          Heropenen
        </button>
      </Form>
    </details>
  );
}
