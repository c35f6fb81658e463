import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import SQLite from "better-sqlite3";
import { createElement, type ComponentProps } from "react";
import { renderToString } from "react-dom/server";
import { createStaticHandler, createStaticRouter, StaticRouterProvider } from "react-router-dom/server.js";
import { sectionAnswersFromForm, sectionFormValues, type AnswerMap } from "../../app/questionnaire/answers.ts";
import { findSection, type QuestionnaireDefinition } from "../../app/questionnaire/definition.ts";
import { questionnaireDefinitionSchema } from "../../app/questionnaire/definition-schema.ts";
import { readSectionForm } from "../../app/questionnaire/form-data.ts";
import { sectionSchema } from "../../app/questionnaire/schema.ts";
import { SectionForm } from "../../app/questionnaire/ui/SectionForm.tsx";
import { conditionContext, definitionForSection } from "../../app/services/questionnaire-pages.server.ts";

/**
 * The baseline for scenarios 1 and 2: a minimal node:http server over the same database file that
 * does what a section page and a draft save need, with better-sqlite3 directly: no Express, no Remix,
 * no Kysely. What it measures is the product's web stack: the difference between the two is what
 * Express, Remix and Kysely cost on top of the work itself.
 *
 * The work itself, strictly: the same reads (session and account, the response with its team, the
 * pinned definition, the answers, a kept form after an expired session), the section form rendered
 * by the product's own component (SectionForm, with React's server renderer in a bare router context,
 * as a page without JavaScript shows it), the same validation (the same derived zod schema) and the
 * same writes in one transaction (revision check, the changed answers, the audit entry with the
 * changed fields, the kept form removed). It answers a GET with the form alone, not the page around
 * it: the benchmark checks that the product's page holds exactly this form before it measures. No
 * markup is written here: the form is the product's.
 */

interface Row {
  id: number;
  team_id: number | null;
  team_active: number | null;
  questionnaire_version_id: number;
  revision: number;
  status: string;
}

type FormProps = ComponentProps<typeof SectionForm>;

/** React Router's bare server context: SectionForm's <Form>, fetcher and navigation hooks need a router, not Remix. */
let current: FormProps | null = null;
const routerHandler = createStaticHandler([
  { path: "/vragenlijsten/:responseId/onderdelen/:sectionKey", Component: () => createElement(SectionForm, current!) },
]);

async function renderForm(path: string, props: FormProps): Promise<string> {
  const context = await routerHandler.query(new Request(`http://baseline${path}`));
  if (context instanceof Response) throw new Error("router answered with a response");
  const router = createStaticRouter(routerHandler.dataRoutes, context);
  current = props;
  try {
    return renderToString(createElement(StaticRouterProvider, { router, context, hydrate: false }));
  } finally {
    current = null;
  }
}

export function startBaseline(file: string, port: number): Promise<Server> {
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  const definitions = new Map<number, QuestionnaireDefinition>();
  const definitionOf = (id: number) => {
    if (!definitions.has(id)) {
      const row = db.prepare("select definition from questionnaire_version where id = ?").get(id) as { definition: string };
      definitions.set(id, questionnaireDefinitionSchema.parse(JSON.parse(row.definition)));
    }
    return definitions.get(id)!;
  };
  const sessionUser = db.prepare(
    "select u.id, u.name, u.role, u.team_id, u.disabled_at, s.expires_at, s.created_at from session s join user_account u on u.id = s.user_id where s.id = ?",
  );
  const responseOf = db.prepare(
    `select r.id, r.team_id, r.questionnaire_version_id, r.revision, r.status, ro.name as round_name, t.name as team_name, t.active as team_active, m.name as municipality_name, g.name as region_name
     from response r join round ro on ro.id = r.round_id left join team t on t.id = r.team_id
     left join municipality m on m.id = coalesce(r.municipality_id, t.municipality_id) left join region g on g.id = coalesce(r.region_id, m.region_id)
     where r.id = ?`,
  );
  const answersOf = db.prepare("select item_key, value, comment from answer where response_id = ?");
  const pendingOf = db.prepare("select fields, created_at from pending_save where user_id = ? and path = ? and created_at >= ?");
  const bump = db.prepare(
    "update response set revision = revision + 1, updated_at = ?, updated_by = ? where id = ? and revision = ? and status = 'draft' returning revision",
  );
  const upsert = db.prepare(
    "insert into answer (response_id, item_key, value, comment, updated_at, updated_by) values (?, ?, ?, ?, ?, ?) on conflict (response_id, item_key) do update set value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at, updated_by = excluded.updated_by",
  );
  const remove = db.prepare("delete from answer where response_id = ? and item_key = ?");
  const auditInsert = db.prepare("insert into audit_log (at, actor_id, action, entity, entity_id, changes) values (?, ?, 'answers.saved', 'response', ?, ?)");
  const discardPending = db.prepare("delete from pending_save where user_id = ? and path = ?");

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://baseline");
    const match = /^\/vragenlijsten\/(\d+)\/onderdelen\/([A-Za-z0-9_-]+)$/.exec(url.pathname);
    const token = /(?:^|;\s*)(?:__Host-)?wav_sessie=([A-Za-z0-9_-]{43})/.exec(req.headers.cookie ?? "")?.[1];
    const now = new Date().toISOString();
    const user = token
      ? (sessionUser.get(createHash("sha256").update(token).digest("hex")) as
          { id: number; name: string; role: string; team_id: number | null; disabled_at: string | null; expires_at: string; created_at: string } | undefined)
      : undefined;
    const absoluteEnd = user ? new Date(Date.parse(user.created_at) + 12 * 3_600_000).toISOString() : "";
    if (!user || user.disabled_at || user.expires_at <= now || absoluteEnd <= now) return void res.writeHead(303, { Location: "/login" }).end();
    const response = match ? (responseOf.get(Number(match[1])) as Row | undefined) : undefined;
    if (!response || response.team_id === null || response.team_id !== user.team_id) return void res.writeHead(404).end("Niet gevonden");
    if (response.team_active !== 1) return void res.writeHead(403).end("Dit team is op non-actief gezet.");
    const definition = definitionOf(response.questionnaire_version_id);
    const section = findSection(definition, match![2]!);
    if (!section) return void res.writeHead(404).end("Niet gevonden");
    const answers: AnswerMap = {};
    for (const a of answersOf.all(response.id) as { item_key: string; value: string | null; comment: string | null }[])
      answers[a.item_key] = { value: a.value, comment: a.comment };

    if (req.method === "GET") {
      let values = sectionFormValues(section, answers);
      let revision = response.revision;
      let restoredAt: string | null = null;
      const pending = pendingOf.get(user.id, url.pathname, new Date(Date.now() - 7 * 86_400_000).toISOString()) as
        { fields: string; created_at: string } | undefined;
      if (pending) {
        const fields = JSON.parse(pending.fields) as [string, string][];
        values = { ...values, ...readSectionForm(section, fields).values };
        const posted = fields.find(([name]) => name === "revision")?.[1];
        if (posted && /^\d+$/.test(posted)) revision = Number(posted);
        restoredAt = pending.created_at;
      }
      const index = definition.sections.indexOf(section);
      const props: FormProps = {
        definition: definitionForSection(definition, section),
        section,
        values,
        context: conditionContext(definition, section, answers),
        revision,
        serverErrors: {},
        conflicts: [],
        checkMode: false,
        restoredAt,
        savedNotice: url.searchParams.has("opgeslagen"),
        actionKey: undefined,
        hasNext: index + 1 < definition.sections.length,
        hasPrevious: index > 0,
      };
      renderForm(url.pathname + url.search, props).then(
        (html) => res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html),
        (error: unknown) => res.writeHead(500).end(String(error)),
      );
      return;
    }
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => {
      const form = new URLSearchParams(body);
      const read = readSectionForm(section, form.entries());
      const revision = form.get("revision");
      const parsed = sectionSchema(definition, section, "draft").safeParse(read.values);
      if (!parsed.success || read.unknownFields.length || read.repeatedFields.length || !revision || !/^\d{1,9}$/.test(revision)) {
        return void res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" }).end("Ongeldig: er is niets opgeslagen.");
      }
      const saved = db.transaction(() => {
        if (!bump.get(now, user.id, response.id, Number(revision))) return false;
        const posted = sectionAnswersFromForm(section, parsed.data);
        const changes: Record<string, [unknown, unknown]> = {};
        for (const [key, answer] of Object.entries(posted)) {
          const old = answers[key];
          if ((old?.value ?? null) !== answer.value) changes[key] = [old?.value ?? null, answer.value];
          if ((old?.comment ?? null) !== answer.comment) changes[`${key}.toelichting`] = [old?.comment ?? null, answer.comment];
        }
        auditInsert.run(now, user.id, String(response.id), Object.keys(changes).length ? JSON.stringify(changes) : null);
        for (const [key, answer] of Object.entries(posted)) {
          if ((answers[key]?.value ?? null) === answer.value && (answers[key]?.comment ?? null) === answer.comment) continue;
          if (answer.value === null && answer.comment === null) remove.run(response.id, key);
          else upsert.run(response.id, key, answer.value, answer.comment, now, user.id);
        }
        discardPending.run(user.id, url.pathname);
        return true;
      })();
      if (saved) return void res.writeHead(302, { Location: `${url.pathname}?opgeslagen=1` }).end();
      res.writeHead(409, { "Content-Type": "text/plain; charset=utf-8" }).end("Intussen gewijzigd: niet opgeslagen.");
    });
  });
  server.on("close", () => db.close());
  return new Promise((resolve) => server.listen(port, "127.0.0.1", () => resolve(server)));
}

// As its own process (the benchmark runs it so, like the product): node --import tsx baseline.ts FILE PORT
if (process.argv[1]?.endsWith("baseline.ts")) {
  const [file, port] = process.argv.slice(2);
  const server = await startBaseline(file!, Number(port));
  console.log(`baseline luistert op ${(server.address() as { port: number }).port}`);
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
