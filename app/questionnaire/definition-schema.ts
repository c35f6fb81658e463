import { z } from "../forms/zod.ts";
import { itemSchema } from "./item-types/checks.ts";
import { optionsOf, typeOf, type Item } from "./item-types/index.ts";
import { keyPattern } from "./item-types/spec.ts";
import { optionSchema } from "./item-types/spec.checks.ts";
import { DEFAULT_SCALE } from "./definition.ts";

/**
 * The meta-schema of a questionnaire definition (the files in questionnaires/). Pure: no I/O, so the loader,
 * the stored definitions' reader and the JSON Schema export all use this one description.
 */

const sectionSchema = z
  .object({
    key: z.string().regex(keyPattern),
    title: z.string().min(1),
    intro: z.string().optional(),
    /** false: the team's professionals are not asked this section (the team zelfscan asks them every section by default). */
    professionals: z.boolean().optional(),
    items: z.array(itemSchema).min(1),
  })
  .strict();

export const questionnaireDefinitionSchema = z
  .object({
    $schema: z.string().optional(),
    key: z.string().regex(/^[a-z][a-z0-9-]*$/, "kleine letters, cijfers en -"),
    version: z.number().int().positive(),
    title: z.string().min(1),
    audience: z.enum(["team", "municipality", "region", "veilig_thuis"]),
    description: z.string().optional(),
    scale: z
      .object({ options: z.array(optionSchema).min(2) })
      .strict()
      .default(DEFAULT_SCALE),
    sections: z.array(sectionSchema).min(1),
  })
  .strict()
  .superRefine((definition, ctx) => {
    const seenSections = new Set<string>();
    const earlier = new Map<string, Item>();
    definition.sections.forEach((section, s) => {
      if (seenSections.has(section.key)) {
        ctx.addIssue({ code: "custom", path: ["sections", s, "key"], message: `onderdeel ${section.key} komt twee keer voor` });
      }
      seenSections.add(section.key);
      section.items.forEach((item, i) => {
        const path = ["sections", s, "items", i];
        if (earlier.has(item.key)) {
          ctx.addIssue({ code: "custom", path: [...path, "key"], message: `vraag ${item.key} komt twee keer voor` });
        }
        for (const problem of typeOf(item).problems(item as never)) ctx.addIssue({ code: "custom", path, message: problem });
        if (item.showIf) {
          const target = earlier.get(item.showIf.item);
          if (!target) {
            ctx.addIssue({
              code: "custom",
              path: [...path, "showIf", "item"],
              message: `showIf verwijst naar ${item.showIf.item}, dat geen eerdere vraag is`,
            });
          } else {
            const allowed = optionsOf(target, definition.scale.options)?.map((o) => o.value);
            const wanted = item.showIf.anyOf ?? [item.showIf.equals ?? ""];
            const unknown = allowed ? wanted.filter((v) => !allowed.includes(v)) : [];
            if (unknown.length > 0) {
              ctx.addIssue({
                code: "custom",
                path: [...path, "showIf"],
                message: `${unknown.join(", ")} is geen antwoord van ${target.key}`,
              });
            }
          }
        }
        earlier.set(item.key, item);
      });
    });
  });
