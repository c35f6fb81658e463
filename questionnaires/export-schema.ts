import { writeFileSync } from "node:fs";
import { z } from "zod";
import { questionnaireDefinitionSchema } from "../app/questionnaire/definition-schema.ts";

// `npm run schema:export`: writes the meta-schema as JSON Schema, so editors complete and check the
// definition files (they point at it with "$schema"). A unit test fails when this file is out of date.
export function questionnaireJsonSchema(): unknown {
  return z.toJSONSchema(questionnaireDefinitionSchema, { io: "input", unrepresentable: "any" });
}

if (process.argv[1]?.endsWith("export-schema.ts")) {
  writeFileSync(new URL("./questionnaire.schema.json", import.meta.url), JSON.stringify(questionnaireJsonSchema(), null, 2) + "\n");
  console.log("questionnaires/questionnaire.schema.json bijgewerkt");
}
