import type { DB } from "../../db/client.ts";
import { type CurrentUser } from "../domain/user.ts";
import { discardPendingSave, findPendingSave } from "../models/pending-save.server.ts";
import { getAnswers, getDefinition, saveAnswers, submitResponse, type ResponseDetail } from "../models/response.server.ts";
import { answerLookup, displayAnswer, isVisible, sectionFormValues, type AnswerMap, type FormValues } from "../questionnaire/answers.ts";
import { allItems, findSection, type Item, type QuestionnaireDefinition, type QuestionnaireSection } from "../questionnaire/definition.ts";
import { readSectionForm } from "../questionnaire/form-data.ts";
import { taskList } from "../questionnaire/progress.ts";
import { checkSectionComplete } from "../questionnaire/schema.ts";
import { fieldErrorsOf, type FieldErrors } from "../forms/field-errors.ts";
import { revisionField } from "../forms/fields.ts";
import { notifySubmitted } from "./notifications.server.ts";
import { sectionDraftToSave } from "../questionnaire/section-save.ts";
import { FORM_ERROR } from "../questionnaire/definition.ts";

// What the questionnaire pages do on the server, between the route's guard and its rendering: read a
// section, save it (checking input and revision), check completeness and submit.

export { FORM_ERROR };

/**
 * The pinned definition, and the answers if the user may read them: `answersVisible` is the policy's
 * decision (app/domain/policy.ts, responseAccess), passed on from the route's guard.
 */
export async function loadAnswers(db: DB, response: ResponseDetail, answersVisible: boolean) {
  const definition = await getDefinition(db, response.questionnaire_version_id);
  const answers = answersVisible ? await getAnswers(db, response.id) : null;
  return { definition, answers };
}

/** The same, with the task list: each section's status. */
export async function loadResponse(db: DB, response: ResponseDetail, answersVisible: boolean) {
  const { definition, answers } = await loadAnswers(db, response, answersVisible);
  // Someone who may not read a draft's answers still sees its progress per section.
  const tasks = taskList(definition, answers ?? (await getAnswers(db, response.id)));
  return { definition, answers, tasks };
}

export function requireSection(definition: QuestionnaireDefinition, key: string | undefined): QuestionnaireSection {
  const section = key ? findSection(definition, key) : undefined;
  if (!section) throw new Response("Niet gevonden", { status: 404 });
  return section;
}

/** The section form's starting point: saved answers, or what the user posted when their session expired. */
export async function loadSectionForm(
  db: DB,
  input: {
    user: CurrentUser;
    response: ResponseDetail;
    definition: QuestionnaireDefinition;
    section: QuestionnaireSection;
    answers: AnswerMap;
    path: string;
    check: boolean;
  },
) {
  let values = sectionFormValues(input.section, input.answers);
  let revision = input.response.revision;
  let restoredAt: string | null = null;
  const pending = await findPendingSave(db, input.user.id, input.path);
  if (pending) {
    const posted = readSectionForm(input.section, pending.fields);
    values = { ...values, ...posted.values };
    const postedRevision = pending.fields.find(([name]) => name === "revision")?.[1];
    if (postedRevision && /^\d+$/.test(postedRevision)) revision = Number(postedRevision);
    restoredAt = pending.createdAt;
  }
  const context = conditionContext(input.definition, input.section, input.answers);
  let errors: FieldErrors = {};
  if (input.check) {
    const result = checkSectionComplete(input.definition, input.section, values, context);
    if (!result.success) errors = fieldErrorsOf(result.error, FORM_ERROR);
  }
  return { values, revision, restoredAt, context, errors };
}

export type SaveIntent = "save" | "next" | "previous" | "overview" | "autosave";
export const SAVE_INTENTS: SaveIntent[] = ["save", "next", "previous", "overview", "autosave"];

export type SectionSaveOutcome =
  | { kind: "saved"; intent: SaveIntent; revision: number; savedAt: string }
  /** The valid answers were stored; the fields in errors were not (they keep what was stored before). */
  | { kind: "partial"; status: 400; errors: FieldErrors; values: FormValues; revision: number; savedAt: string; conflicts: Conflict[] }
  | { kind: "invalid" | "stale" | "locked"; status: 400 | 409; errors: FieldErrors; values: FormValues; revision: number; conflicts: Conflict[] };

export interface Conflict {
  key: string;
  text: string;
  saved: string | null;
}

/** The message about the form as a whole, when the post itself is not one this page sends (then nothing is stored). */
export function malformedSection(
  section: QuestionnaireSection,
  form: FormData,
): { values: FormValues; message: string | null; revision: number | null; intent: SaveIntent } {
  const { values, unknownFields, repeatedFields } = readSectionForm(section, form);
  const intentRaw = form.get("intent") ?? "save";
  const revision = revisionField.safeParse(form.get("revision"));
  let message: string | null = null;
  if (!revision.success) {
    message =
      "Het formulier mist gegevens die nodig zijn om veilig op te slaan. Er is niets opgeslagen; laad de pagina opnieuw en vul uw antwoorden daarna opnieuw in (ze staan hieronder).";
  } else if (!SAVE_INTENTS.includes(intentRaw as SaveIntent)) {
    message = "Onbekende handeling. Er is niets opgeslagen.";
  } else if (unknownFields.length || repeatedFields.length) {
    message = `Het formulier bevat velden die niet bij dit onderdeel horen (${[...unknownFields, ...repeatedFields].slice(0, 3).join(", ")}). Er is niets opgeslagen.`;
  }
  return { values, message, revision: revision.success ? revision.data : null, intent: intentRaw as SaveIntent };
}

/**
 * Validates a posted section with the schema derived from its definition and stores it if the
 * response is still at the posted revision. A field that fails its check is not stored, but the
 * valid ones are (outcome "partial"); a post this page never sends stores nothing.
 */
export async function saveSectionFromForm(
  db: DB,
  input: {
    user: CurrentUser;
    response: ResponseDetail;
    definition: QuestionnaireDefinition;
    section: QuestionnaireSection;
    form: FormData;
    path: string;
    now?: Date;
  },
): Promise<SectionSaveOutcome> {
  const { definition, section, response } = input;
  const posted = malformedSection(section, input.form);
  const { values } = posted;
  if (posted.message || posted.revision === null) {
    return { kind: "invalid", status: 400, errors: { [FORM_ERROR]: posted.message ?? "" }, values, revision: response.revision, conflicts: [] };
  }
  const { answers, errors } = await sectionDraftToSave(definition, section, values, () => getAnswers(db, response.id));
  if (!answers) return { kind: "invalid", status: 400, errors, values, revision: response.revision, conflicts: [] };
  const result = await saveAnswers(db, {
    responseId: response.id,
    expectedRevision: posted.revision,
    answers,
    userId: input.user.id,
    now: input.now,
    // A form kept after an expired session is done with once this save is stored, not before.
    alsoWrite: (trx) => discardPendingSave(trx, input.user.id, input.path),
  });
  if (!result.ok) {
    if (result.reason === "submitted") {
      return {
        kind: "locked",
        status: 409,
        errors: { [FORM_ERROR]: "Deze vragenlijst is al ingediend en kan niet meer worden gewijzigd. Uw invoer staat hieronder, maar is niet opgeslagen." },
        values,
        revision: result.revision,
        conflicts: [],
      };
    }
    const current = await getAnswers(db, response.id);
    return {
      kind: "stale",
      status: 409,
      errors: {
        [FORM_ERROR]:
          "Deze vragenlijst is intussen door iemand anders (of in een ander tabblad) opgeslagen. Uw invoer is niet opgeslagen en staat hieronder. Bekijk de verschillen en sla daarna opnieuw op om uw versie te bewaren.",
      },
      values,
      revision: result.revision,
      conflicts: conflictsOf(definition, section, current, answers),
    };
  }
  const savedAt = (input.now ?? new Date()).toISOString();
  if (Object.keys(errors).length) return { kind: "partial", status: 400, errors, values, revision: result.revision, savedAt, conflicts: [] };
  return { kind: "saved", intent: posted.intent, revision: result.revision, savedAt };
}

/** The items where the saved version differs from what the user posted, to show beside their input. */
function conflictsOf(definition: QuestionnaireDefinition, section: QuestionnaireSection, current: AnswerMap, posted: AnswerMap): Conflict[] {
  return section.items
    .filter(
      (item) =>
        (current[item.key]?.value ?? null) !== (posted[item.key]?.value ?? null) ||
        (current[item.key]?.comment ?? null) !== (posted[item.key]?.comment ?? null),
    )
    .map((item) => {
      const shown = displayAnswer(definition, item, current[item.key]);
      const comment = current[item.key]?.comment;
      return { key: item.key, text: item.text, saved: [shown, comment ? `toelichting: ${comment}` : null].filter(Boolean).join("; ") || null };
    });
}

export interface MissingAnswer {
  sectionKey: string;
  sectionTitle: string;
  itemKey: string;
  text: string;
  message: string;
}

/** Everything that stands between this response and submitting it, checked with each section's complete schema. */
export function checkComplete(definition: QuestionnaireDefinition, answers: AnswerMap): MissingAnswer[] {
  const missing: MissingAnswer[] = [];
  for (const section of definition.sections) {
    const values = sectionFormValues(section, answers);
    const result = checkSectionComplete(definition, section, values, conditionContext(definition, section, answers));
    if (result.success) continue;
    const errors = fieldErrorsOf(result.error, FORM_ERROR);
    for (const item of section.items) {
      const message = errors[item.key];
      if (message) missing.push({ sectionKey: section.key, sectionTitle: section.title, itemKey: item.key, text: item.text, message });
    }
  }
  return missing;
}

export type SubmitOutcome = { kind: "submitted" } | { kind: "incomplete"; missing: MissingAnswer[] } | { kind: "stale" | "locked"; message: string };

/** Submits a response the user may submit, if it is complete and still at the revision the page showed. */
export async function submitChecked(
  db: DB,
  input: { user: CurrentUser; response: ResponseDetail; definition: QuestionnaireDefinition; expectedRevision: number; origin: string; now?: Date },
): Promise<SubmitOutcome> {
  const answers = await getAnswers(db, input.response.id);
  const missing = checkComplete(input.definition, answers);
  if (missing.length) return { kind: "incomplete", missing };
  // Answers to questions that do not apply (a condition not met) are not part of what is submitted.
  const lookup = answerLookup(answers);
  const hidden = input.definition.sections.flatMap((s) => s.items).filter((item) => answers[item.key] && !isVisible(input.definition, item, lookup));
  const result = await submitResponse(db, {
    responseId: input.response.id,
    expectedRevision: input.expectedRevision,
    userId: input.user.id,
    clearItemKeys: hidden.map((item) => item.key),
    now: input.now,
    // The team's gemeente hears of a submitted team scan.
    alsoWrite: (trx) => notifySubmitted(trx, { responseId: input.response.id, origin: input.origin, now: input.now }),
  });
  if (!result.ok) return staleOrLocked(result.reason);
  return { kind: "submitted" };
}

function staleOrLocked(reason: "stale" | "submitted"): SubmitOutcome {
  return reason === "submitted"
    ? { kind: "locked", message: "Deze vragenlijst is al ingediend." }
    : {
        kind: "stale",
        message:
          "De vragenlijst is intussen gewijzigd (door iemand anders of in een ander tabblad). Controleer de antwoorden hieronder en dien daarna opnieuw in.",
      };
}

/** The items of other sections that this section's conditions look at, directly or through a chain. */
function conditionItems(definition: QuestionnaireDefinition, section: QuestionnaireSection): Item[] {
  const all = allItems(definition);
  const own = new Set(section.items.map((i) => i.key));
  const needed = new Map<string, Item>();
  const visit = (key: string) => {
    const item = all.find((i) => i.key === key);
    if (!item || own.has(key) || needed.has(key)) return;
    needed.set(key, item);
    if (item.showIf) visit(item.showIf.item);
  };
  for (const item of section.items) if (item.showIf) visit(item.showIf.item);
  return [...needed.values()];
}

/**
 * What a section page needs of the definition: its scale, the section, and the earlier items its
 * conditions look at (in a context section that is never rendered). Sending the whole questionnaire
 * with every page would cost time and bytes on every view.
 */
export function definitionForSection(definition: QuestionnaireDefinition, section: QuestionnaireSection): QuestionnaireDefinition {
  const needed = conditionItems(definition, section);
  const context = needed.length ? [{ key: "__context", title: "", items: needed }] : [];
  return { ...definition, description: undefined, sections: [...context, section] };
}

/** Of the other sections' answers, those the section's conditions look at: all a section's schema needs, in the browser too. */
export function conditionContext(definition: QuestionnaireDefinition, section: QuestionnaireSection, answers: AnswerMap): AnswerMap {
  const context: AnswerMap = {};
  for (const item of conditionItems(definition, section)) if (answers[item.key]) context[item.key] = answers[item.key]!;
  return context;
}
