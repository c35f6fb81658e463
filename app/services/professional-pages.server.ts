import type { DB } from "../../db/client.ts";
import { professionalDefinition } from "../domain/conversation.ts";
import type { FieldErrors } from "../forms/field-errors.ts";
import { claimAttempt, pause } from "../models/login-throttle.server.ts";
import { draftOf, linkState, saveDraft, submitView, type LinkState } from "../models/professional-views.server.ts";
import { teamDefinitionForRound } from "../models/results.server.ts";
import { sectionFormValues, type FormValues } from "../questionnaire/answers.ts";
import { findSection, type QuestionnaireDefinition, type QuestionnaireSection } from "../questionnaire/definition.ts";
import { taskList } from "../questionnaire/progress.ts";
import { conditionContext, definitionForSection, malformedSection, type SaveIntent } from "./questionnaire-pages.server.ts";
import { sectionDraftToSave } from "../questionnaire/section-save.ts";
import { FORM_ERROR } from "../questionnaire/definition.ts";

// A professional's pages, reached through their personal link (/bijdrage/:token): no account, no session,
// no cookie. The link is the credential: it is looked up by its hash, and a wrong one is answered the same
// way whatever it looks like, slowed down for an address that tries many.

/** Wrong links from one address past which each answer is held back (1 s more each, at most 10 s). */
const WRONG_LINKS_PER_ADDRESS = 20;

export type OpenLink = Extract<LinkState, { state: "open" }> & { token: string; definition: QuestionnaireDefinition };

/**
 * The open link and the questionnaire its holder answers (the round's team zelfscan, as professionals see
 * it); otherwise the Response to answer with: 404 for a link that does not exist, 410 for one that was used
 * or whose round or request has closed. Neither names a team.
 */
export async function requireOpenLink(db: DB, token: string | undefined, address: string): Promise<OpenLink> {
  const state = await linkState(db, token ?? "");
  if (state.state === "unknown") {
    const claim = await claimAttempt(db, [{ key: `view-link:${address}`, free: WRONG_LINKS_PER_ADDRESS, delayOnly: true }]);
    if (claim.ok) await pause(claim.delayMs);
    throw new Response("Deze link bestaat niet. Controleer of u de hele link uit de e-mail heeft overgenomen.", { status: 404 });
  }
  if (state.state !== "open") {
    throw new Response(
      state.state === "used"
        ? "Met deze link is al een bijdrage ingediend. Dank u wel; wijzigen kan niet meer."
        : "Deze link werkt niet meer: de vraag is gesloten of de ronde is voorbij.",
      { status: 410 },
    );
  }
  const definition = await teamDefinitionForRound(db, state.roundId);
  if (!definition) throw new Response("Deze vragenlijst is niet beschikbaar.", { status: 410 });
  return { ...state, token: token!, definition: professionalDefinition(definition) };
}

/** The task list of a professional's draft. */
export async function professionalOverview(db: DB, link: OpenLink) {
  const { answers } = await draftOf(db, link.token);
  return { answers, tasks: taskList(link.definition, answers) };
}

export function requireProfessionalSection(link: OpenLink, key: string | undefined): QuestionnaireSection {
  const section = key ? findSection(link.definition, key) : undefined;
  if (!section) throw new Response("Niet gevonden", { status: 404 });
  return section;
}

/** A section page's form: the draft's values and revision, and the earlier answers its conditions look at. */
export async function professionalSectionForm(db: DB, link: OpenLink, section: QuestionnaireSection) {
  const { answers, revision } = await draftOf(db, link.token);
  return {
    definition: definitionForSection(link.definition, section),
    values: sectionFormValues(section, answers),
    revision,
    context: conditionContext(link.definition, section, answers),
  };
}

export type ProfessionalSaveOutcome =
  | { kind: "saved"; intent: SaveIntent; revision: number; savedAt: string }
  | { kind: "partial"; status: 400; errors: FieldErrors; values: FormValues; revision: number; savedAt: string; conflicts: [] }
  | { kind: "invalid" | "stale"; status: 400 | 409; errors: FieldErrors; values: FormValues; revision: number; conflicts: [] };

/** Checks a posted section with the same derived schema as the team's form and stores it in the draft; a failing field costs only itself. */
export async function saveProfessionalSection(db: DB, link: OpenLink, section: QuestionnaireSection, form: FormData): Promise<ProfessionalSaveOutcome> {
  const posted = malformedSection(section, form);
  const { values } = posted;
  const current = await draftOf(db, link.token);
  if (posted.message || posted.revision === null) {
    return {
      kind: "invalid",
      status: 400,
      errors: { [FORM_ERROR]: "Het formulier is niet compleet of bevat velden die hier niet horen. Er is niets opgeslagen; laad de pagina opnieuw." },
      values,
      revision: current.revision,
      conflicts: [],
    };
  }
  const { answers, errors } = await sectionDraftToSave(link.definition, section, values, async () => current.answers);
  if (!answers) return { kind: "invalid", status: 400, errors, values, revision: current.revision, conflicts: [] };
  const saved = await saveDraft(db, { token: link.token, requestId: link.requestId, expectedRevision: posted.revision, answers });
  if (!saved) {
    return {
      kind: "stale",
      status: 409,
      errors: {
        [FORM_ERROR]:
          "U heeft dit intussen ook in een ander tabblad of venster opgeslagen. Wat u hier invulde is niet opgeslagen en staat hieronder; sla het opnieuw op om het te bewaren.",
      },
      values,
      revision: current.revision,
      conflicts: [],
    };
  }
  const savedAt = new Date().toISOString();
  if (Object.keys(errors).length) return { kind: "partial", status: 400, errors, values, revision: saved.revision, savedAt, conflicts: [] };
  return { kind: "saved", intent: posted.intent, revision: saved.revision, savedAt };
}

/** Submits the professional's view once (a second submit, also at the same moment, finds the link used). */
export async function submitProfessionalView(db: DB, link: OpenLink): Promise<boolean> {
  return submitView(db, { token: link.token });
}
