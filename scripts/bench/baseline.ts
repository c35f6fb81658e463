import { createHash } from "node:crypto";
import { createServer, type Server } from "node:http";
import SQLite from "better-sqlite3";
import { ROLE_LABEL } from "../../app/domain/roles.ts";
import { conditionText, sectionAnswersFromForm, sectionFormValues, type AnswerMap, type FormValues } from "../../app/questionnaire/answers.ts";
import {
  commentField,
  findSection,
  optionsOf,
  questionnaireDefinitionSchema,
  type Item,
  type QuestionnaireDefinition,
  type QuestionnaireSection,
} from "../../app/questionnaire/definition.ts";
import { readSectionForm } from "../../app/questionnaire/form-data.ts";
import { sectionSchema } from "../../app/questionnaire/schema.ts";
import { subjectLabel } from "../../app/questionnaire/subject.ts";

/**
 * The baseline for scenarios 1 and 2: a minimal node:http server over the same database file that
 * does the product's job for a section page and a draft save with better-sqlite3 directly, and
 * nothing else: no Express, no Remix, no React, no Kysely.
 *
 * "The same job" is meant strictly, so that the ratio measures the product's machinery and not a
 * smaller task: the same reads (session and account, the response with its team, municipality and
 * region, the pinned definition, the answers, a kept form after an expired session), the same page
 * for a user without JavaScript (the same fields, options, texts, header, breadcrumbs and
 * navigation; only the product's hydration scripts are missing), the same validation (the same
 * derived zod schema) and the same writes in one transaction (revision check, the changed answers,
 * the audit entry with the changed fields, the kept form removed). The benchmark compares the two
 * pages, as a user without JavaScript gets them, before it measures.
 */

interface Row {
  id: number;
  team_id: number | null;
  questionnaire_version_id: number;
  revision: number;
  status: string;
  round_name: string;
  team_name: string | null;
  municipality_name: string | null;
  region_name: string | null;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;" })[c]!);

// As React writes it: a leading newline is doubled, because the HTML parser drops the first one.
const textareaContent = (s: string) => (s.startsWith("\n") ? "\n" : "") + escapeHtml(s);

function questionHtml(definition: QuestionnaireDefinition, item: Item, values: FormValues): string {
  const id = `veld-${item.key}`;
  const condition = conditionText(definition, item);
  const describedBy = [item.help ? `hulp-${item.key}` : "", condition ? `voorwaarde-${item.key}` : ""].filter(Boolean).join(" ");
  const label = `<span class="question__key">${item.key}</span> ${escapeHtml(item.text)}${item.required ? "" : '<span class="muted"> (niet verplicht)</span>'}`;
  const messages =
    (item.help ? `<p id="hulp-${item.key}" class="question__help">${escapeHtml(item.help)}</p>` : "") +
    (condition ? `<p id="voorwaarde-${item.key}" class="question__condition">${escapeHtml(condition)}</p>` : "");
  const comment = typeof values[commentField(item.key)] === "string" ? (values[commentField(item.key)] as string) : "";
  const commentHtml =
    "comment" in item && item.comment
      ? `<details class="question__comment"${comment ? " open" : ""}><summary>Toelichting ${comment ? "(ingevuld)" : "toevoegen (niet verplicht)"}</summary>` +
        `<label class="utrecht-form-label" for="${commentField(item.key)}">Toelichting bij ${item.key}</label>` +
        `<textarea id="${commentField(item.key)}" class="utrecht-textarea" rows="3" name="${commentField(item.key)}">${textareaContent(comment)}</textarea></details>`
      : "";
  const options = optionsOf(item, definition.scale.options);
  const value = values[item.key];
  if (options) {
    const selected = Array.isArray(value) ? value : value ? [value] : [];
    const type = item.type === "multi" ? "checkbox" : "radio";
    return (
      `<fieldset class="question"${describedBy ? ` aria-describedby="${describedBy}"` : ""} data-item="${item.key}"><legend class="question__legend">${label}</legend>${messages}<div class="question__options">` +
      options
        .map(
          (o, i) =>
            `<label class="question__option"><input type="${type}" id="${i === 0 ? id : `${id}-${o.value}`}" name="${item.key}"${selected.includes(o.value) ? ' checked=""' : ""} value="${escapeHtml(o.value)}"/>${escapeHtml(o.label)}</label>`,
        )
        .join("") +
      `</div>${commentHtml}</fieldset>`
    );
  }
  const text = typeof value === "string" ? value : "";
  const input =
    item.type === "text" && item.multiline
      ? `<textarea id="${id}" class="utrecht-textarea" rows="4"${describedBy ? ` aria-describedby="${describedBy}"` : ""} name="${item.key}">${textareaContent(text)}</textarea>`
      : `<input id="${id}" type="text"${item.type === "number" ? ` inputMode="${item.integer ? "numeric" : "decimal"}"` : ""} class="utrecht-textbox utrecht-textbox--html-input"${describedBy ? ` aria-describedby="${describedBy}"` : ""} size="${item.type === "number" ? 8 : 40}" name="${item.key}" value="${escapeHtml(text)}"/>`;
  return (
    `<div class="question" data-item="${item.key}"><label class="question__label" for="${id}">${label}${item.type === "number" && item.unit ? `<span class="muted"> (aantal ${escapeHtml(item.unit)})</span>` : ""}</label>${messages}${input}` +
    (item.type === "text" ? `<p class="muted">Hoogstens ${item.maxLength} tekens.</p>` : "") +
    "</div>"
  );
}

function sectionPageHtml(input: {
  user: { name: string; role: keyof typeof ROLE_LABEL; team_id: number | null };
  response: Row;
  definition: QuestionnaireDefinition;
  section: QuestionnaireSection;
  values: FormValues;
  revision: number;
  css: string[];
}): string {
  const { user, response, definition, section, values } = input;
  const index = definition.sections.indexOf(section);
  const previous = definition.sections[index - 1];
  const next = definition.sections[index + 1];
  const subject = subjectLabel(response);
  const overview = `/vragenlijsten/${response.id}`;
  return (
    `<!DOCTYPE html><html lang="nl" class="utrecht-html"><head><meta charSet="utf-8"/><meta name="viewport" content="width=device-width, initial-scale=1"/>` +
    `<title>${escapeHtml(`${section.key}. ${section.title} – ${subject} – Werken aan veiligheid`)}</title><link rel="icon" href="/favicon.svg" type="image/svg+xml"/>` +
    input.css.map((href) => `<link rel="stylesheet" href="${href}"/>`).join("") +
    `</head><body class="voorbeeld-theme utrecht-document utrecht-body"><a class="utrecht-skip-link" href="#inhoud">Naar de inhoud</a>` +
    `<header class="site-header"><div class="site-header__inner"><a class="site-header__title" href="/teams/${user.team_id}">Werken aan veiligheid<span class="site-header__subtitle">Zelfscan kwaliteitskader · Geweld hoort nergens thuis</span></a>` +
    `<div class="site-header__user"><a class="site-header__account" href="/account">${escapeHtml(user.name)} <span class="site-header__role">(${ROLE_LABEL[user.role]})</span></a>` +
    `<form method="post" action="/logout"><button type="submit" class="site-header__logout">Uitloggen</button></form></div></div></header>` +
    `<main id="inhoud" class="site-main" tabindex="-1"><nav aria-label="Kruimelpad" class="breadcrumbs"><ol><li><a class="utrecht-link" href="${overview}">${escapeHtml(`${subject}: ${response.round_name}`)}</a></li><li aria-current="page">Onderdeel ${section.key}</li></ol></nav>` +
    `<p class="muted">Onderdeel ${index + 1} van ${definition.sections.length}</p><h1 class="utrecht-heading-1">${section.key}. ${escapeHtml(section.title)}</h1>` +
    (section.intro ? `<p class="utrecht-paragraph lead">${escapeHtml(section.intro)}</p>` : "") +
    `<form method="post" action="${overview}/onderdelen/${section.key}" id="sectie-formulier" novalidate="" tabindex="-1"><input type="hidden" name="revision" readonly="" value="${input.revision}"/>` +
    section.items.map((item) => questionHtml(definition, item, values)).join("") +
    `<div class="form-actions"><button type="submit" name="intent" value="next" class="utrecht-button utrecht-button--primary-action">${next ? "Opslaan en verder" : "Opslaan en naar het overzicht"}</button>` +
    `<button type="submit" name="intent" value="save" class="utrecht-button utrecht-button--secondary-action">Opslaan als concept</button></div><p class="autosave-status" aria-live="polite"></p></form>` +
    `<nav aria-label="Onderdelen" class="form-actions">${previous ? `<a class="utrecht-link" href="${overview}/onderdelen/${previous.key}">Vorig onderdeel (${previous.key})</a>` : ""}<a class="utrecht-link" href="${overview}">Naar het overzicht</a></nav></main>` +
    `<footer class="site-footer"><p class="utrecht-paragraph utrecht-paragraph--small">Werkversie van de zelfscan bij het VNG Kwaliteitskader Werken aan veiligheid voor lokale (wijk)teams en gemeenten.</p></footer></body></html>`
  );
}

export function startBaseline(file: string, port: number, options: { css?: string[] } = {}): Promise<Server> {
  const db = new SQLite(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  const css = options.css ?? [];
  const definitions = new Map<number, QuestionnaireDefinition>();
  const definitionOf = (id: number) => {
    if (!definitions.has(id)) {
      const row = db.prepare("select definition from questionnaire_version where id = ?").get(id) as { definition: string };
      definitions.set(id, questionnaireDefinitionSchema.parse(JSON.parse(row.definition)));
    }
    return definitions.get(id)!;
  };
  const sessionUser = db.prepare(
    "select u.id, u.name, u.role, u.team_id, u.disabled_at, s.expires_at from session s join user_account u on u.id = s.user_id where s.id = ?",
  );
  const responseOf = db.prepare(
    `select r.id, r.team_id, r.questionnaire_version_id, r.revision, r.status, ro.name as round_name, t.name as team_name, m.name as municipality_name, g.name as region_name
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
          { id: number; name: string; role: keyof typeof ROLE_LABEL; team_id: number | null; disabled_at: string | null; expires_at: string } | undefined)
      : undefined;
    if (!user || user.disabled_at || user.expires_at <= now) return void res.writeHead(303, { Location: "/login" }).end();
    const response = match ? (responseOf.get(Number(match[1])) as Row | undefined) : undefined;
    if (!response || response.team_id === null || response.team_id !== user.team_id) return void res.writeHead(404).end("Niet gevonden");
    const definition = definitionOf(response.questionnaire_version_id);
    const section = findSection(definition, match![2]!);
    if (!section) return void res.writeHead(404).end("Niet gevonden");
    const answers: AnswerMap = {};
    for (const a of answersOf.all(response.id) as { item_key: string; value: string | null; comment: string | null }[])
      answers[a.item_key] = { value: a.value, comment: a.comment };

    if (req.method === "GET") {
      let values = sectionFormValues(section, answers);
      let revision = response.revision;
      const pending = pendingOf.get(user.id, url.pathname, new Date(Date.now() - 7 * 86_400_000).toISOString()) as { fields: string } | undefined;
      if (pending) {
        const fields = JSON.parse(pending.fields) as [string, string][];
        values = { ...values, ...readSectionForm(section, fields).values };
        const posted = fields.find(([name]) => name === "revision")?.[1];
        if (posted && /^\d+$/.test(posted)) revision = Number(posted);
      }
      const html = sectionPageHtml({ user, response, definition, section, values, revision, css });
      return void res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" }).end(html);
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

// As its own process (the benchmark runs it so, like the product): node --import tsx baseline.ts FILE PORT [CSS...]
if (process.argv[1]?.endsWith("baseline.ts")) {
  const [file, port, ...css] = process.argv.slice(2);
  const server = await startBaseline(file!, Number(port), { css });
  console.log(`baseline luistert op ${(server.address() as { port: number }).port}`);
  process.on("SIGTERM", () => server.close(() => process.exit(0)));
}
