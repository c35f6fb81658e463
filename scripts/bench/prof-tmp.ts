// temporary profiling rig (not committed)
import { generate } from "./generate.ts";
import { writeFileSync, existsSync } from "node:fs";
const file = "/tmp/prof/national.db";
if (!existsSync(file)) {
  const g = await generate(file);
  writeFileSync("/tmp/prof/cookies.json", JSON.stringify(g.cookies));
}
