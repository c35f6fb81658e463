import type { Generated, Insertable, Selectable } from "kysely";

// Timestamps are ISO-8601 strings and booleans 0 | 1: better-sqlite3 binds neither Dates nor booleans.

export type Role = "teammanager" | "gemeente" | "regio" | "programma" | "veilig_thuis";
export type Audience = "team" | "municipality" | "region" | "veilig_thuis";
export type TeamKind = "wijkteam" | "cjg" | "save" | "expertiseteam" | "other";
export type ResponseStatus = "draft" | "submitted";
export type ResponseEventType = "started" | "submitted" | "returned" | "resubmitted" | "accepted" | "reopened";
export type PhaseKeyColumn = "preparation" | "selfscan" | "analysis" | "plans" | "execution";
export type ActionStatus = "planned" | "ongoing" | "done" | "dropped";

export interface RegionTable {
  id: Generated<number>;
  slug: string;
  name: string;
}

export interface MunicipalityTable {
  id: Generated<number>;
  cbs_code: string;
  name: string;
  region_id: number;
}

export interface TeamTable {
  id: Generated<number>;
  municipality_id: number;
  name: string;
  kind: TeamKind;
  active: Generated<0 | 1>;
  created_at: string;
}

export interface UserAccountTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  // Exactly one scope column is set, matching the role (regio and veilig_thuis: the region); programma has none (national).
  region_id: number | null;
  municipality_id: number | null;
  team_id: number | null;
  created_at: string;
  disabled_at: string | null;
  /** 1: notifications also come by mail (the default); 0: only on the start page. */
  mail_notifications: Generated<0 | 1>;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token, so a leaked database holds no usable session. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** Signed in through this organisation's provider (its logout is offered), or null (password). */
  identity_provider_id: number | null;
}

export interface QuestionnaireVersionTable {
  id: Generated<number>;
  key: string;
  version: number;
  title: string;
  audience: Audience;
  /** SHA-256 of the canonical definition: a released version may never change under the same number. */
  content_hash: string;
  definition: string;
  registered_at: string;
}

export interface RoundTable {
  id: Generated<number>;
  kind: Generated<"zelfscan" | "rondetafel">;
  /** The year of a round-table round. */
  year: number | null;
  name: string;
  opens_on: string;
  closes_on: string;
  closed_at: string | null;
  created_at: string;
  /** Days before closes_on on which the automatic zelfscan reminder goes (0: none). */
  reminder_days: Generated<number>;
  /** When the automatic reminder went (claimed by the one process that sends it). */
  auto_reminded_at: string | null;
}

export interface RoundQuestionnaireTable {
  round_id: number;
  audience: Audience;
  questionnaire_key: string;
  /** The version every response of the round uses, fixed when the round opens (null only before one was registered). */
  questionnaire_version_id: number | null;
}

export interface ResponseTable {
  id: Generated<number>;
  round_id: number;
  questionnaire_key: string;
  questionnaire_version_id: number;
  // Exactly one subject column is set (a CHECK enforces it).
  team_id: number | null;
  municipality_id: number | null;
  region_id: number | null;
  status: ResponseStatus;
  /** Increases on every save; a save based on an older revision is refused instead of overwriting. */
  revision: number;
  created_at: string;
  updated_at: string;
  updated_by: number | null;
  submitted_at: string | null;
  submitted_by: number | null;
  accepted_at: string | null;
  accepted_by: number | null;
}

export interface AnswerTable {
  response_id: number;
  item_key: string;
  /** The answer as the form sends it; a multi answer is a JSON array of option values. */
  value: string | null;
  comment: string | null;
  updated_at: string;
  updated_by: number;
}

export interface ResponseEventTable {
  id: Generated<number>;
  response_id: number;
  type: ResponseEventType;
  actor_id: number;
  at: string;
  comment: string | null;
}

/** A review's remark about one question, given with the review event (a return or an acceptance). */
export interface ReviewNoteTable {
  id: Generated<number>;
  event_id: number;
  item_key: string;
  comment: string;
}

export interface PendingSaveTable {
  id: Generated<number>;
  user_id: number;
  path: string;
  /** The form fields posted while the session had expired, as JSON [name, value][]. */
  fields: string;
  created_at: string;
}

export interface PhaseTransitionTable {
  id: Generated<number>;
  region_id: number;
  from_phase: PhaseKeyColumn | null;
  to_phase: PhaseKeyColumn;
  kind: "advance" | "back" | "override" | "cycle";
  round_id: number | null;
  actor_id: number;
  at: string;
  reason: string | null;
}

export interface RegionAnalysisTable {
  region_id: number;
  round_id: number;
  summary: string;
  updated_at: string;
  updated_by: number;
}

export interface AnalysisThemeTable {
  region_id: number;
  round_id: number;
  theme_key: string;
  strengths: string | null;
}

export interface ImprovementPointTable {
  id: Generated<number>;
  region_id: number;
  round_id: number;
  theme_key: string;
  text: string;
  position: number;
}

export interface ImprovementPlanTable {
  id: Generated<number>;
  municipality_id: number;
  round_id: number;
  created_at: string;
  adopted_at: string | null;
  adopted_by: number | null;
}

export interface ImprovementActionTable {
  id: Generated<number>;
  plan_id: number;
  theme_key: string;
  improvement_point_id: number | null;
  title: string;
  owner_team_id: number | null;
  owner_name: string | null;
  due_on: string;
  status: ActionStatus;
  progress_note: string | null;
  created_at: string;
  updated_at: string;
  updated_by: number;
}

export interface PlanEventTable {
  id: Generated<number>;
  plan_id: number;
  action_id: number | null;
  type: "created" | "action_added" | "action_updated" | "action_corrected" | "action_removed" | "adopted";
  detail: string | null;
  actor_id: number;
  at: string;
}

export interface LoginThrottleTable {
  /** "account:<email>" or "address:<ip>". */
  key: string;
  failures: number;
  last_failure_at: string;
  blocked_until: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor_id: number | null;
  actor_label: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  changes: string | null;
  address: string | null;
}

export interface InvitationTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  created_by: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  /** What happened: "response.submitted", "response.returned", "phase.changed", ... */
  kind: string;
  /** The sentence the user reads ("Wijkteam Zaandam Oost heeft de zelfscan ingediend."). */
  text: string;
  /** Where to look: a path in the product. */
  link: string;
  created_at: string;
  /** When the user opened it or marked all read; null: unread. */
  read_at: string | null;
}

export interface ActionNoteTable {
  id: Generated<number>;
  action_id: number;
  /** The team that owns the action and wrote the note. */
  team_id: number;
  text: string;
  author_id: number;
  at: string;
}

export interface PasswordResetTable {
  id: Generated<number>;
  /** SHA-256 of the link's token. */
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** An organisation's OpenID Provider, registered by programma (decision 91). */
export interface IdentityProviderTable {
  id: Generated<number>;
  /** As the login page and the audit log name it ("Gemeente Zaanstad"). */
  name: string;
  issuer: string;
  client_id: string;
  /** Sealed with SECRET_KEY; null when the secret comes from the configuration (secret_name) or there is none. */
  client_secret: string | null;
  /** The key of an OIDC_SECRET_<NAME> setting holding the secret. */
  secret_name: string | null;
  /** Whose provider: programma, a region or a gemeente; only accounts within it sign in through it. */
  organisation: "programma" | "regio" | "gemeente";
  region_id: number | null;
  municipality_id: number | null;
  /** 1: accounts of its domains may still sign in with a password. */
  password_allowed: Generated<number>;
  created_at: string;
  created_by: number | null;
}

export interface IdentityProviderDomainTable {
  /** Lower case, without "@". */
  domain: string;
  provider_id: number;
}

/** A sign-in on its way to the provider and back. */
export interface OidcLoginTable {
  /** SHA-256 of the state parameter. */
  id: string;
  provider_id: number;
  nonce: string;
  /** The PKCE verifier, sealed with SECRET_KEY. */
  code_verifier: string;
  redirect_to: string;
  created_at: string;
  expires_at: string;
}

/** A published national picture of a year (issue 30): the snapshot as it was published. */
export interface PublicationTable {
  id: Generated<number>;
  year: number;
  /** JSON of the picture (app/domain/national-picture.ts DashboardView). */
  snapshot: string;
  published_at: string;
  /** Null for the demo's own publications. */
  published_by: number | null;
  withdrawn_at: string | null;
  withdrawn_by: number | null;
  withdraw_reason: string | null;
}

/** A passkey (WebAuthn credential) as an account's second factor. */
export interface PasskeyTable {
  id: Generated<number>;
  user_id: number;
  /** base64url */
  credential_id: string;
  /** base64url of the COSE public key. */
  public_key: string;
  /** The authenticator's signature counter at its last use (0 for authenticators that keep none). */
  counter: number;
  /** Comma-separated, as the browser reported them. */
  transports: string | null;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** The challenge of a WebAuthn ceremony under way. */
export interface WebauthnChallengeTable {
  id: Generated<number>;
  user_id: number;
  purpose: "registreren" | "inloggen";
  challenge: string;
  expires_at: string;
}

/** An account's authenticator app (TOTP, RFC 6238). */
export interface TotpFactorTable {
  user_id: number;
  /** The shared secret, encrypted with SECRET_KEY (app/auth/secret-box.server.ts). */
  secret: string;
  /** Null while being set up: only a confirmed app is asked for at sign-in. */
  confirmed_at: string | null;
  /** The last 30-second step whose code was accepted: a code is never taken twice. */
  last_used_step: number | null;
  created_at: string;
}

export interface RecoveryCodeTable {
  id: Generated<number>;
  user_id: number;
  /** HMAC-SHA-256 of the code under SECRET_KEY. */
  code_hash: string;
  used_at: string | null;
  created_at: string;
}

/** Password given, second factor not yet: the browser holds the token in a cookie. */
export interface LoginChallengeTable {
  /** SHA-256 of the cookie's token. */
  id: string;
  user_id: number;
  redirect_to: string;
  created_at: string;
  expires_at: string;
  /** Signed in through this provider so far (decision 91), or null (password). */
  identity_provider_id: number | null;
}

export interface OutboxTable {
  id: Generated<number>;
  recipient: string;
  subject: string;
  body: string;
  created_at: string;
  sent_at: string | null;
  error: string | null;
  /** When a sender claimed it (only the claimer sends it; a claim older than ten minutes may be taken over). */
  claimed_at: string | null;
  /** Why it will never be sent (demo mail, a reserved demo address, no mail server); null: to be sent. */
  held: string | null;
}

export interface RoundTableInputTable {
  id: Generated<number>;
  /** The round-table round of the year the input is for. */
  round_id: number;
  region_id: number;
  /** Last day (YYYY-MM-DD) on which teams and gemeenten can change and submit their input. */
  deadline: string;
  opened_by: number | null;
  opened_at: string;
  /** When the regio last reminded those that had not submitted. */
  reminded_at: string | null;
}

/** Facts about the database itself, such as "demo_data" (set by the demo seed). */
export interface AppSettingTable {
  key: string;
  value: string;
}

/** A reminder a team or gemeente got to submit its zelfscan: at most one per recipient, round and day. */
export interface ZelfscanReminderTable {
  id: Generated<number>;
  round_id: number;
  /** "team:<id>" or "gemeente:<id>". */
  recipient: string;
  team_id: number | null;
  municipality_id: number | null;
  /** The day (YYYY-MM-DD) it was sent. */
  day: string;
  sent_at: string;
  /** Who sent it; null for the automatic reminder before the round closes. */
  sent_by: number | null;
}

/** A team manager's request for the view of the team's professionals, for one round. */
export interface ViewRequestTable {
  id: Generated<number>;
  team_id: number;
  round_id: number;
  opened_by: number | null;
  opened_at: string;
  /** Closed by the manager: the links no longer work. */
  closed_at: string | null;
  /** The day the last reminder went out (at most one a day). */
  reminded_on: string | null;
}

/**
 * One professional's invitation: only what is needed to send it and to know its link was used. Nothing
 * here leads to the view they gave (view_response has no column in common but the request).
 */
export interface ViewInvitationTable {
  id: Generated<number>;
  request_id: number;
  /** Removed when the round closes or the request is closed. */
  email: string | null;
  /** SHA-256 of the link's token. */
  token_hash: string;
  used: Generated<0 | 1>;
  invited_on: string;
  reminded_on: string | null;
}

/** A professional's answers while they work on them, found by a second hash of their link (never the invitation's). */
export interface ViewDraftTable {
  key_hash: string;
  request_id: number;
  revision: number;
  /** The answers as JSON ({ itemKey: { value, comment } }). */
  answers: string;
  updated_on: string;
}

/** A submitted view: a random id, the team's request and the day, nothing of who gave it. */
export interface ViewResponseTable {
  id: string;
  request_id: number;
  submitted_on: string;
}

export interface ViewAnswerTable {
  response_id: string;
  item_key: string;
  value: string | null;
  comment: string | null;
}

/** What the team's conversation settled, one line per theme, written by the team manager. */
export interface ViewConclusionTable {
  request_id: number;
  theme_key: string;
  text: string;
  updated_at: string;
  updated_by: number | null;
}

export interface Database {
  region: RegionTable;
  municipality: MunicipalityTable;
  team: TeamTable;
  user_account: UserAccountTable;
  session: SessionTable;
  questionnaire_version: QuestionnaireVersionTable;
  round: RoundTable;
  round_questionnaire: RoundQuestionnaireTable;
  response: ResponseTable;
  answer: AnswerTable;
  response_event: ResponseEventTable;
  review_note: ReviewNoteTable;
  pending_save: PendingSaveTable;
  phase_transition: PhaseTransitionTable;
  region_analysis: RegionAnalysisTable;
  analysis_theme: AnalysisThemeTable;
  improvement_point: ImprovementPointTable;
  improvement_plan: ImprovementPlanTable;
  improvement_action: ImprovementActionTable;
  plan_event: PlanEventTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  invitation: InvitationTable;
  outbox: OutboxTable;
  password_reset: PasswordResetTable;
  totp_factor: TotpFactorTable;
  recovery_code: RecoveryCodeTable;
  login_challenge: LoginChallengeTable;
  passkey: PasskeyTable;
  publication: PublicationTable;
  webauthn_challenge: WebauthnChallengeTable;
  identity_provider: IdentityProviderTable;
  identity_provider_domain: IdentityProviderDomainTable;
  oidc_login: OidcLoginTable;
  notification: NotificationTable;
  action_note: ActionNoteTable;
  round_table_input: RoundTableInputTable;
  zelfscan_reminder: ZelfscanReminderTable;
  app_setting: AppSettingTable;
  view_request: ViewRequestTable;
  view_invitation: ViewInvitationTable;
  view_draft: ViewDraftTable;
  view_response: ViewResponseTable;
  view_answer: ViewAnswerTable;
  view_conclusion: ViewConclusionTable;
}

export type UserAccount = Selectable<UserAccountTable>;
export type NewUserAccount = Insertable<UserAccountTable>;
