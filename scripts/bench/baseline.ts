import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import SQLite from "better-sqlite3";
import { questionnaireDefinitionSchema, findSection, type QuestionnaireDefinition } from "../../app/questionnaire/definition.ts";
import { readSectionForm } from "../../app/questionnaire/form-data.ts";
import { sectionAnswersFromForm, sectionFormValues, type AnswerMap } from "../../app/questionnaire/answers.ts";
import { sectionSchema } from "../../app/questionnaire/schema.ts";

/**
 * The baseline: a minimal node:http server over the same database file doing what scenarios 1 and 2
 * need (a section page, a draft save) with better-sqlite3 directly and the same zod schema, with the
 * same session check, and nothing else: no Remix, no React.
 */
export function startBaseline(file: string, port: number): Promise<Server> {
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");
  const definitions = new Map<number, QuestionnaireDefinition>();
  const definition = (id: number) => {
    if (!definitions.has(id)) definitions.set(id, questionnaireDefinitionSchema.parse(JSON.parse((db.prepare("select definition from questionnaire_version where id = ?").get(id) as { definition: string }).definition)));
    return definitions.get(id)!;
  };
  const sessionUser = db.prepare("select u.team_id from session s join user_account u on u.id = s.user_id where s.id = ? and s.expires_at > ?");
  const responseOf = db.prepare("select id, team_id, questionnaire_version_id, revision, status from response where id = ?");
  const answersOf = db.prepare("select item_key, value, comment from answer where response_id = ?");
  const bump = db.prepare("update response set revision = revision + 1, updated_at = ? where id = ? and revision = ? and status = 'draft'");
  const upsert = db.prepare("insert into answer (response_id, item_key, value, comment, updated_at, updated_by) values (?, ?, ?, ?, ?, 0) on conflict (response_id, item_key) do update set value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at");
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

  const server = createServer((req, res) => {
    const match = req.url?.match(/^\/vragenlijsten\/(\d+)\/onderdelen\/([A-Za-z0-9_-]+)/);
    const token = /wav_sessie=([A-Za-z0-9_-]{43})/.exec(req.headers.cookie ?? "")?.[1];
    const user = token ? (sessionUser.get(createHash("sha256").update(token).digest("hex"), new Date().toISOString()) as { team_id: number } | undefined) : undefined;
    const response = match ? (responseOf.get(Number(match[1])) as { id: number; team_id: number; questionnaire_version_id: number; revision: number; status: string } | undefined) : undefined;
    if (!user || !response || response.team_id !== user.team_id) return void res.writeHead(404).end("Niet gevonden");
    const def = definition(response.questionnaire_version_id);
    const section = findSection(def, match![2]!);
    if (!section) return void res.writeHead(404).end("Niet gevonden");
    const answers: AnswerMap = Object.fromEntries((answersOf.all(response.id) as { item_key: string; value: string | null; comment: string | null }[]).map((a) => [a.item_key, { value: a.value, comment: a.comment }]));
    if (req.method === "GET") {
      const values = sectionFormValues(section, answers);
      const html = `<!doctype html><html lang="nl"><body><form method="post"><input type="hidden" name="revision" value="${response.revision}">${section.items
        .map((i) => `<fieldset><legend>${escape(i.text)}</legend><input name="${i.key}" value="${escape(String(values[i.key] ?? ""))}"></fieldset>`)
        .join("")}</form></body></html>`;
      return void res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
    }
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const form = new URLSearchParams(body);
      const read = readSectionForm(section, form.entries());
      const parsed = sectionSchema(def, section, "draft").safeParse(read.values);
      if (!parsed.success || read.unknownFields.length) return void res.writeHead(400).end("Ongeldig");
      const now = new Date().toISOString();
      const saved = db.transaction(() => {
        if (bump.run(now, response.id, Number(form.get("revision"))).changes !== 1) return false;
        for (const [key, a] of Object.entries(sectionAnswersFromForm(section, parsed.data))) upsert.run(response.id, key, a.value, a.comment, now);
        return true;
      })();
      res.writeHead(saved ? 302 : 409, saved ? { Location: req.url } : {}).end();
    });
  });
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}
