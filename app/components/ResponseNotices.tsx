import { Link } from "@remix-run/react";
import type { QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { sectionPath } from "../questionnaire/paths.ts";
import { fieldId } from "../questionnaire/ui/QuestionField.tsx";
import { formatDateTime } from "../domain/format.ts";
import type { ResponseEvent } from "./ResponseHistory.tsx";

/** What the overview of a filled-in questionnaire knows to tell in its notices. */
export interface NoticeFacts {
  justSubmitted: boolean;
  saved: boolean;
  reviewed: string | null;
  reopened: boolean;
  isRoundTable: boolean;
  status: string;
  submittedAt: string | null;
  submittedBy: string | null;
  acceptedAt: string | null;
  acceptedBy: string | null;
  lockedReason: string | null;
}

/** The notices above a filled-in questionnaire: what just happened, its state, and why it is locked or returned. */
export function ResponseNotices({
  page,
  lastReturn,
  editable,
  remarks = [],
}: {
  page: NoticeFacts;
  lastReturn: ResponseEvent | undefined;
  editable: boolean;
  /** The questions the gemeente's return put a remark at, with a link to each. */
  remarks?: { itemKey: string; href: string }[];
}) {
  return (
    <>
      {page.justSubmitted ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>Ingediend.</strong> Dank u wel. De vragenlijst is ingediend en is nu alleen nog te lezen.
          </p>
        </div>
      ) : null}
      {page.saved ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>Opgeslagen.</strong> Uw antwoorden zijn bewaard als concept.
          </p>
        </div>
      ) : null}

      {page.reviewed ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>{page.reviewed === "geaccepteerd" ? "Geaccepteerd." : "Teruggestuurd."}</strong>{" "}
            {page.reviewed === "geaccepteerd"
              ? "De zelfscan is geaccepteerd; het team heeft een melding gekregen."
              : "Het team kan de zelfscan nu aanpassen en opnieuw indienen; het heeft een melding gekregen."}
          </p>
        </div>
      ) : null}
      {page.reopened ? (
        <div className="notice notice--ok" role="status">
          <p>
            <strong>Heropend.</strong>{" "}
            {page.isRoundTable
              ? "Het verslag kan weer worden aangepast en opnieuw ingediend."
              : "Het team kan de zelfscan weer aanpassen en opnieuw indienen; het heeft een melding gekregen."}
          </p>
        </div>
      ) : null}

      {page.status === "submitted" && page.submittedAt ? (
        <div className="notice" role="note">
          <p>
            Ingediend op {formatDateTime(page.submittedAt)}
            {page.submittedBy ? ` door ${page.submittedBy}` : ""}. De antwoorden kunnen niet meer worden gewijzigd.
            {page.acceptedAt ? ` Geaccepteerd door de gemeente op ${formatDateTime(page.acceptedAt)}${page.acceptedBy ? ` (${page.acceptedBy})` : ""}.` : ""}
          </p>
        </div>
      ) : null}

      {page.lockedReason ? (
        <div className="notice notice--warn" role="note">
          <p>{page.lockedReason}</p>
        </div>
      ) : null}

      {page.status === "draft" && lastReturn?.type === "returned" ? (
        <div className="notice notice--warn" role="note">
          <p>
            <strong>Teruggestuurd door de gemeente</strong> op {formatDateTime(lastReturn.at)} ({lastReturn.actor_name}): {lastReturn.comment}
          </p>
          {editable && remarks.length ? (
            <p>
              De gemeente zette een opmerking bij{" "}
              {remarks.map((r, i) => (
                <span key={r.itemKey}>
                  {i > 0 ? ", " : ""}
                  <Link className="utrecht-link" to={r.href}>
                    {r.itemKey}
                  </Link>
                </span>
              ))}
              ; u leest die bij de vraag.
            </p>
          ) : null}
          {editable ? <p>Pas de antwoorden aan en dien de zelfscan opnieuw in.</p> : null}
        </div>
      ) : null}
    </>
  );
}

/** The questions a return put a remark at, each linked to its field in the section form. */
export function remarkLinks(definition: QuestionnaireDefinition, review: { type: string; notes: Record<string, string> } | null, responseId: number) {
  if (review?.type !== "returned") return [];
  return definition.sections.flatMap((section) =>
    section.items
      .filter((item) => review.notes[item.key])
      .map((item) => ({ itemKey: item.key, href: `${sectionPath(responseId, section.key)}#${fieldId(item.key)}` })),
  );
}
