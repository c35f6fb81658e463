import type { Generated, Insertable, Selectable, Updateable } from "kysely";

// Timestamps are ISO-8601 strings and booleans 0 | 1: better-sqlite3 binds neither Dates nor booleans.

export type Role = "teammanager" | "gemeente" | "regio" | "programma";
export type Audience = "team" | "municipality" | "region";
export type TeamKind = "wijkteam" | "cjg" | "save" | "expertiseteam" | "other";
export type ResponseStatus = "draft" | "submitted";
export type ResponseEventType = "started" | "submitted";

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
  // Exactly one scope column is set, matching the role; programma has none (national).
  region_id: number | null;
  municipality_id: number | null;
  team_id: number | null;
  created_at: string;
  disabled_at: string | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie's token, so a leaked database holds no usable session. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
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
  name: string;
  opens_on: string;
  closes_on: string;
  closed_at: string | null;
  created_at: string;
}

export interface RoundQuestionnaireTable {
  round_id: number;
  audience: Audience;
  questionnaire_key: string;
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

export interface PendingSaveTable {
  id: Generated<number>;
  user_id: number;
  path: string;
  /** The form fields posted while the session had expired, as JSON [name, value][]. */
  fields: string;
  created_at: string;
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
  pending_save: PendingSaveTable;
}

export type Region = Selectable<RegionTable>;
export type Municipality = Selectable<MunicipalityTable>;
export type Team = Selectable<TeamTable>;
export type UserAccount = Selectable<UserAccountTable>;
export type NewUserAccount = Insertable<UserAccountTable>;
export type Round = Selectable<RoundTable>;
export type Response = Selectable<ResponseTable>;
export type ResponseUpdate = Updateable<ResponseTable>;
export type Answer = Selectable<AnswerTable>;
