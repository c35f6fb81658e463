import { answerLookup, hasValue, isVisible, type AnswerMap } from "./answers.ts";
import type { Item, QuestionnaireDefinition, QuestionnaireSection } from "./definition.ts";

/** A section's state on the task list: niet begonnen / bezig / klaar. */
export type SectionStatus = "not_started" | "in_progress" | "complete";

export const SECTION_STATUS_LABEL: Record<SectionStatus, string> = {
  not_started: "Niet begonnen",
  in_progress: "Bezig",
  complete: "Klaar",
};

export interface MissingItem {
  key: string;
  text: string;
}

export interface SectionProgress {
  key: string;
  title: string;
  status: SectionStatus;
  answered: number;
  /** Visible items only: a hidden item neither counts nor is missing. */
  visible: number;
  missing: MissingItem[];
}

export interface TaskList {
  sections: SectionProgress[];
  complete: boolean;
  completedSections: number;
  missingCount: number;
}

function answered(item: Item, answers: AnswerMap): boolean {
  return hasValue(answers[item.key]?.value ?? null);
}

export function sectionProgress(definition: QuestionnaireDefinition, section: QuestionnaireSection, answers: AnswerMap): SectionProgress {
  const lookup = answerLookup(answers);
  const visibleItems = section.items.filter((item) => isVisible(definition, item, lookup));
  const answeredCount = visibleItems.filter((item) => answered(item, answers)).length;
  const commented = visibleItems.some((item) => hasValue(answers[item.key]?.comment ?? null));
  const missing = visibleItems.filter((item) => item.required && !answered(item, answers)).map((item) => ({ key: item.key, text: item.text }));
  const status: SectionStatus =
    answeredCount === 0 && !commented
      ? missing.length === 0 && visibleItems.length === 0
        ? "complete"
        : "not_started"
      : missing.length === 0
        ? "complete"
        : "in_progress";
  return { key: section.key, title: section.title, status, answered: answeredCount, visible: visibleItems.length, missing };
}

export function taskList(definition: QuestionnaireDefinition, answers: AnswerMap): TaskList {
  const sections = definition.sections.map((s) => sectionProgress(definition, s, answers));
  const missingCount = sections.reduce((n, s) => n + s.missing.length, 0);
  return {
    sections,
    complete: missingCount === 0,
    completedSections: sections.filter((s) => s.status === "complete").length,
    missingCount,
  };
}

/** The response-level state a list of teams shows: niet begonnen / bezig / teruggestuurd / ingediend / geaccepteerd. */
export type ResponseProgress = "not_started" | "in_progress" | "returned" | "submitted" | "accepted";

export const RESPONSE_PROGRESS_LABEL: Record<ResponseProgress, string> = {
  not_started: "Niet begonnen",
  in_progress: "Bezig",
  returned: "Teruggestuurd",
  submitted: "Ingediend",
  accepted: "Geaccepteerd",
};

export function responseProgress(response: { status: string; answerCount: number; acceptedAt?: string | null; returned?: boolean } | null): ResponseProgress {
  if (!response) return "not_started";
  if (response.status === "submitted") return response.acceptedAt ? "accepted" : "submitted";
  if (response.returned) return "returned";
  return response.answerCount > 0 ? "in_progress" : "not_started";
}
