import { ACTION_STATUS_LABEL } from "./plan.ts";
import { formatDate, formatDateTime } from "./format.ts";
import { PHASES } from "./phases.ts";
import { ROLE_LABEL, TEAM_KIND_LABEL } from "./roles.ts";

// The audit log as its readers read it: what each recorded action, kind of record and changed field is
// called in Dutch, and how a stored value reads. The log itself keeps the stable keys ("answers.saved",
// "status": "submitted"); only the page and its filters translate them, so old entries read alike.

/** Every action the product records, by its key. An unknown key (a future action) shows as the key. */
export const AUDIT_ACTION_LABEL: Record<string, string> = {
  login: "Ingelogd",
  "login.failed": "Inloggen mislukt",
  "login.throttled": "Inloggen tijdelijk geblokkeerd",
  logout: "Uitgelogd",
  "logout.everywhere": "Overal uitgelogd",
  "login.organisation_failed": "Inloggen met organisatieaccount mislukt",
  "publication.published": "Landelijk beeld gepubliceerd",
  "publication.withdrawn": "Publicatie van het landelijk beeld ingetrokken",
  "identity_provider.created": "Inlogdienst van een organisatie toegevoegd",
  "identity_provider.removed": "Inlogdienst van een organisatie verwijderd",
  "login.second_factor_failed": "Tweede stap bij inloggen mislukt",
  "password.reset_second_factor_failed": "Nieuw wachtwoord: tweede stap mislukt",
  "second_factor.added": "Authenticator-app ingesteld",
  "second_factor.removed": "Authenticator-app verwijderd",
  "second_factor.removed_by_programma": "Tweede stap verwijderd door programma",
  "second_factor.passkey_added": "Passkey toegevoegd",
  "second_factor.passkey_removed": "Passkey verwijderd",
  "second_factor.recovery_codes_renewed": "Nieuwe herstelcodes gemaakt",
  "password.check_failed": "Wachtwoordcontrole mislukt",
  "password.check_throttled": "Wachtwoordcontrole tijdelijk geblokkeerd",
  "password.reset": "Wachtwoord opnieuw ingesteld",
  "password.reset_requested": "Nieuw wachtwoord aangevraagd",
  "password.reset_requests": "Aanvragen nieuw wachtwoord (per adres en uur geteld)",
  "password.reset_throttled": "Aanvraag nieuw wachtwoord tijdelijk geblokkeerd",
  "password.reset_unknown": "Nieuw wachtwoord aangevraagd voor onbekend adres",
  "account.created": "Account aangemaakt",
  "account.imported": "Account geïmporteerd",
  "account.invited": "Uitnodiging verstuurd",
  "account.reset_link": "Link voor nieuw wachtwoord verstuurd",
  "account.invitation_accepted": "Uitnodiging aangenomen",
  "account.password_changed": "Wachtwoord gewijzigd",
  "account.mail_notifications": "Meldingen per e-mail gewijzigd",
  "account.disabled": "Account geblokkeerd",
  "account.enabled": "Account weer toegelaten",
  "response.created": "Vragenlijst begonnen",
  "answers.saved": "Antwoorden opgeslagen",
  "response.submitted": "Vragenlijst ingediend",
  "response.accepted": "Vragenlijst geaccepteerd",
  "response.returned": "Vragenlijst teruggestuurd",
  "response.reopened": "Vragenlijst heropend",
  "phase.advance": "Naar de volgende fase",
  "phase.back": "Terug naar de vorige fase",
  "phase.override": "Fase rechtstreeks gekozen",
  "phase.cycle": "Nieuwe cyclus begonnen",
  "findings.saved": "Bevindingen opgeslagen",
  "plan.action_added": "Verbeteractie toegevoegd",
  "plan.action_updated": "Verbeteractie bijgewerkt",
  "plan.action_corrected": "Verbeteractie gecorrigeerd",
  "plan.action_removed": "Verbeteractie verwijderd",
  "plan.adopted": "Verbeterplan vastgesteld",
  "action.note_added": "Notitie bij verbeteractie",
  "round.opened": "Ronde geopend",
  "round_table_input.opened": "Input voor rondetafel gevraagd",
  "round_table_input.reminded": "Herinnering voor rondetafelinput verstuurd",
  "round.reminder_changed": "Automatische herinnering van een ronde gewijzigd",
  "zelfscan.reminded": "Herinnering voor de zelfscan verstuurd",
  "team.created": "Team toegevoegd",
  "team.imported": "Team geïmporteerd",
  "team.updated": "Team gewijzigd",
  "views.invited": "Professionals om hun kijk gevraagd",
  "views.reminded": "Professionals herinnerd",
  "views.closed": "Vraag aan de professionals gesloten",
  "views.concluded": "Opbrengst van het teamgesprek vastgelegd",
};

export const auditActionLabel = (action: string) => AUDIT_ACTION_LABEL[action] ?? action;

/** The kinds of record an entry is about. */
export const AUDIT_ENTITY_LABEL: Record<string, string> = {
  identity_provider: "Inlogdienst",
  publication: "Publicatie",
  response: "Vragenlijst",
  region: "Regio",
  round: "Ronde",
  team: "Team",
  user_account: "Account",
  improvement_plan: "Verbeterplan",
  improvement_action: "Verbeteractie",
  session: "Sessie",
};

export const auditEntityLabel = (entity: string) => AUDIT_ENTITY_LABEL[entity] ?? entity;

/** Changed fields other than answers (an answer's field is its question, named by the questionnaire). */
const FIELD_LABEL: Record<string, string> = {
  status: "Status",
  reason: "Reden",
  comment: "Toelichting",
  phase: "Fase",
  accepted_at: "Geaccepteerd op",
  adopted_at: "Vastgesteld op",
  disabled_at: "Geblokkeerd op",
  questionnaire: "Vragenlijst",
  name: "Naam",
  email: "E-mailadres",
  role: "Rol",
  kind: "Soort",
  active: "Actief",
  municipality_id: "Gemeente",
  opens_on: "Opent op",
  closes_on: "Sluit op",
  regio: "Regio",
  gemeente: "Gemeente",
  reminder_days: "Automatische herinnering (dagen voor sluiting)",
  uiterste_datum: "Uiterste datum",
  summary: "Samenvatting",
  theme: "Thema",
  title: "Actie",
  due_on: "Streefdatum",
  progress_note: "Voortgang",
  note: "Notitie",
  mail_notifications: "Meldingen per e-mail",
  method: "Manier van inloggen",
  year: "Jaar",
  provider: "Inlogdienst",
  issuer: "Uitgever",
  domains: "Domeinen",
  password_allowed: "Wachtwoord ook toegestaan",
  secret: "Client-secret",
  invited: "Uitgenodigd (aantal)",
  reminded: "Herinnerd (aantal)",
  // The counts of anonymous reset requests (password.reset_requests).
  requested: "Link verstuurd",
  unknown: "Onbekend adres",
  throttled: "Geblokkeerd (te vaak)",
};

export function auditFieldLabel(field: string): string {
  const points = /^points_([A-Z])$/.exec(field);
  if (points) return `Verbeterpunten thema ${points[1]}`;
  const conclusion = /^conclusion_([A-Z])$/.exec(field);
  if (conclusion) return `Opbrengst gesprek thema ${conclusion[1]}`;
  return FIELD_LABEL[field] ?? field;
}

const RESPONSE_STATUS_LABEL: Record<string, string> = { draft: "Concept", submitted: "Ingediend" };
const PHASE_LABEL: Record<string, string> = Object.fromEntries(PHASES.map((p) => [p.key, p.label]));
const SIGN_IN_METHOD_LABEL: Record<string, string> = {
  wachtwoord: "Wachtwoord",
  "wachtwoord+authenticator": "Wachtwoord en authenticator-app",
  "wachtwoord+herstelcode": "Wachtwoord en herstelcode",
  organisatie: "Organisatieaccount",
  "organisatie+authenticator": "Organisatieaccount en authenticator-app",
  "organisatie+herstelcode": "Organisatieaccount en herstelcode",
  "wachtwoord+passkey": "Wachtwoord en passkey",
  "organisatie+passkey": "Organisatieaccount en passkey",
};
const VALUE_LABELS: Record<string, Record<string, string>> = {
  method: SIGN_IN_METHOD_LABEL,
  phase: PHASE_LABEL,
  role: ROLE_LABEL,
  kind: TEAM_KIND_LABEL,
};
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/**
 * A stored value as a reader reads it: no value is "–", yes/no in words, days and moments as Dutch
 * dates, a status or phase by its name, a list one item after another. `names` gives the names of the
 * records an id field points to (a gemeente for municipality_id).
 */
export function auditValue(field: string, value: unknown, entity: string, names: Map<string, string> = new Map()): string {
  if (value == null || value === "") return "–";
  if (typeof value === "boolean") return value ? "ja" : "nee";
  if (Array.isArray(value)) return value.length ? value.map((v) => auditValue(field, v, entity, names)).join("; ") : "–";
  if (field === "municipality_id") return names.get(`municipality:${value}`) ?? `gemeente ${String(value)}`;
  if (field === "regio" && typeof value === "number") return names.get(`region:${value}`) ?? `regio ${String(value)}`;
  if (field === "active") return value === 1 || value === true ? "ja" : "nee";
  if (field === "status") {
    const text = String(value);
    return entity === "improvement_action" ? (ACTION_STATUS_LABEL[text as keyof typeof ACTION_STATUS_LABEL] ?? text) : (RESPONSE_STATUS_LABEL[text] ?? text);
  }
  const labels = VALUE_LABELS[field];
  if (labels && String(value) in labels) return labels[String(value)]!;
  if (typeof value === "string" && ISO_MOMENT.test(value)) return formatDateTime(value);
  if (typeof value === "string" && ISO_DAY.test(value)) return formatDate(value);
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** One changed field as the audit log shows it. */
export interface AuditChange {
  field: string;
  before: string;
  after: string;
}

/** An audit entry as its reader reads it (app/services/audit-log.server.ts makes them). */
export interface ReadableAuditEntry {
  id: number;
  at: string;
  who: string;
  whoDetail: string | null;
  address: string | null;
  action: string;
  actionLabel: string;
  subject: { entity: string; id: string | null; kind: string; name: string | null };
  changes: AuditChange[];
}
