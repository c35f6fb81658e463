import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { DB } from "../../db/client.ts";
import { allItems, formatIssuePath, type QuestionnaireDefinition } from "../questionnaire/definition.ts";
import { questionnaireDefinitionSchema } from "../questionnaire/definition-schema.ts";
import { itemMapping } from "../questionnaire/mapping.ts";
import { inTransaction } from "../../db/transaction.ts";

/** Start-up stops with this error; its message names the file, the place inside it and what is wrong. */
export class QuestionnaireDefinitionError extends Error {
  override name = "QuestionnaireDefinitionError";
}

export interface LoadedDefinition {
  file: string;
  definition: QuestionnaireDefinition;
  contentHash: string;
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([k, v]) => v !== undefined && k !== "$schema")
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** Hash of the definition's meaning, not its formatting: re-indenting a file changes nothing. */
export function definitionHash(definition: QuestionnaireDefinition): string {
  return createHash("sha256").update(canonicalJson(definition)).digest("hex");
}

export function parseDefinitionFile(file: string, text: string): LoadedDefinition {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new QuestionnaireDefinitionError(`${file}: geen geldige JSON (${(error as Error).message})`);
  }
  const result = questionnaireDefinitionSchema.safeParse(json);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${formatIssuePath(issue.path) || "(hoofdniveau)"}: ${issue.message}`);
    throw new QuestionnaireDefinitionError(`${file}: ongeldige vragenlijst\n${lines.join("\n")}`);
  }
  return { file, definition: result.data, contentHash: definitionHash(result.data) };
}

/** Reads and validates every *.json definition in the folder (the JSON Schema file excepted). */
export function loadDefinitions(directory: string): LoadedDefinition[] {
  const files = readdirSync(directory)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".schema.json"))
    .sort();
  const loaded = files.map((f) => {
    const path = join(directory, f);
    return parseDefinitionFile(relative(process.cwd(), path) || path, readFileSync(path, "utf8"));
  });
  const seen = new Map<string, string>();
  for (const { file, definition } of loaded) {
    const id = `${definition.key} versie ${definition.version}`;
    const other = seen.get(id);
    if (other) throw new QuestionnaireDefinitionError(`${file}: ${id} staat ook in ${other}`);
    seen.set(id, file);
  }
  return loaded;
}

/**
 * Records each definition version in the database, so a response can be pinned to it. A version that
 * is already there must be unchanged: changing a released questionnaire needs a new version number.
 */
export async function registerDefinitions(db: DB, loaded: LoadedDefinition[], now = new Date()): Promise<void> {
  await checkMappings(db, loaded);
  await inTransaction(db, async (trx) => {
    for (const { file, definition, contentHash } of loaded) {
      const existing = await trx
        .selectFrom("questionnaire_version")
        .select(["id", "content_hash"])
        .where("key", "=", definition.key)
        .where("version", "=", definition.version)
        .executeTakeFirst();
      if (existing && existing.content_hash !== contentHash) {
        throw new QuestionnaireDefinitionError(
          `${file}: ${definition.key} versie ${definition.version} is al in gebruik en de inhoud is gewijzigd. ` +
            `Zet de wijziging in een nieuwe versie (version: ${definition.version + 1}) en laat deze ongemoeid.`,
        );
      }
      if (!existing) {
        await trx
          .insertInto("questionnaire_version")
          .values({
            key: definition.key,
            version: definition.version,
            title: definition.title,
            audience: definition.audience,
            content_hash: contentHash,
            definition: JSON.stringify(definition),
            registered_at: now.toISOString(),
          })
          .execute();
      }
    }
  });
}

/**
 * Every version after the first maps its items to the version before it (itemMapping): start-up
 * refuses a `replaces` that names an item the previous version does not have, or an item continued
 * twice. The previous version comes from the files, or from the database when its file is gone.
 */
async function checkMappings(db: DB, loaded: LoadedDefinition[]) {
  for (const { file, definition } of loaded) {
    if (definition.version === 1) {
      const named = allItems(definition).find((i) => i.replaces !== undefined);
      if (named) throw new QuestionnaireDefinitionError(`${file}: vraag ${named.key} vervangt ${named.replaces}, maar dit is de eerste versie`);
      continue;
    }
    const previous =
      loaded.find((l) => l.definition.key === definition.key && l.definition.version === definition.version - 1)?.definition ??
      (await storedDefinition(db, definition.key, definition.version - 1));
    if (!previous) {
      if (allItems(definition).some((i) => i.replaces !== undefined)) {
        throw new QuestionnaireDefinitionError(
          `${file}: versie ${definition.version - 1} van ${definition.key} is onbekend, dus "replaces" kan niet worden gecontroleerd`,
        );
      }
      continue;
    }
    const { problems } = itemMapping(definition, previous);
    if (problems.length)
      throw new QuestionnaireDefinitionError(`${file}: de koppeling aan versie ${previous.version} klopt niet\n${problems.map((p) => `  ${p}`).join("\n")}`);
  }
}

async function storedDefinition(db: DB, key: string, version: number): Promise<QuestionnaireDefinition | undefined> {
  const row = await db.selectFrom("questionnaire_version").select("definition").where("key", "=", key).where("version", "=", version).executeTakeFirst();
  return row ? questionnaireDefinitionSchema.parse(JSON.parse(row.definition)) : undefined;
}
