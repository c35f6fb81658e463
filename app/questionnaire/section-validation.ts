import { zodResolver } from "@hookform/resolvers/zod";
import type { Resolver } from "react-hook-form";
import type { AnswerMap, FormValues } from "./answers.ts";
import type { QuestionnaireDefinition, QuestionnaireSection } from "./definition.ts";
import { sectionSchema, type SchemaMode } from "./schema.ts";

/**
 * The section form's check in the browser: the same derived zod schema as the action's. The form loads this
 * module (and with it zod) when it first validates, after the user changes something (decision 93): a section
 * page that is only read loads no zod.
 */
export function sectionResolver(
  definition: QuestionnaireDefinition,
  section: QuestionnaireSection,
  mode: SchemaMode,
  context: AnswerMap,
): Resolver<FormValues> {
  return zodResolver(sectionSchema(definition, section, mode, context)) as Resolver<FormValues>;
}
