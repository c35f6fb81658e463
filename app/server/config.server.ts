import { availableParallelism } from "node:os";
import { DEFAULT_RETENTION, type RetentionPeriods } from "../models/retention.server.ts";
import { DEFAULT_PASSWORD_HASH_COST } from "../auth/password.server.ts";
import { resolve } from "node:path";
import { createHash } from "node:crypto";
import { z } from "../forms/zod.ts";
import type { Role } from "../../db/schema.ts";
import { ROLE_LABEL } from "../domain/roles.ts";

/**
 * The one place that reads the environment. Every variable is checked with zod at start-up; a wrong
 * value stops start-up with the variable's name and what is wrong with it, instead of a default taken
 * silently. docs/configuration.md lists the same variables.
 */

const flag = (name: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return undefined;
      if (/^(true|1|yes|on)$/i.test(v)) return true;
      if (/^(false|0|no|off)$/i.test(v)) return false;
      ctx.addIssue({ code: "custom", message: `${name} moet true of false zijn` });
      return z.NEVER;
    });

const integer = (name: string, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return undefined;
      if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
        ctx.addIssue({ code: "custom", message: `${name} moet een heel getal van ${min} tot en met ${max} zijn` });
        return z.NEVER;
      }
      return Number(v);
    });

const environmentSchema = z.object({
  NODE_ENV: z.string().optional(),
  PORT: integer("PORT", 0, 65535),
  HOST: z.string().min(1).optional(),
  DATABASE_URL: z.string().optional(),
  SEED_DEMO: flag("SEED_DEMO"),
  SESSION_IDLE_MINUTES: integer("SESSION_IDLE_MINUTES", 1, 24 * 60),
  SESSION_ABSOLUTE_HOURS: integer("SESSION_ABSOLUTE_HOURS", 1, 7 * 24),
  COOKIE_SECURE: flag("COOKIE_SECURE"),
  QUESTIONNAIRES_DIR: z.string().min(1).optional(),
  TRUST_PROXY: z.string().optional(),
  APP_ORIGIN: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return undefined;
      let url: URL;
      try {
        url = new URL(v);
      } catch {
        ctx.addIssue({ code: "custom", message: "APP_ORIGIN moet een adres zijn zoals https://zelfscan.gemeente.nl" });
        return z.NEVER;
      }
      if ((url.protocol !== "https:" && url.protocol !== "http:") || url.origin !== v.replace(/\/$/, "")) {
        ctx.addIssue({ code: "custom", message: "APP_ORIGIN is alleen schema en host (en poort), zonder pad: https://zelfscan.gemeente.nl" });
        return z.NEVER;
      }
      return url.origin;
    }),
  MAX_BODY_BYTES: integer("MAX_BODY_BYTES", 1024, 100_000_000),
  REQUEST_LOG: flag("REQUEST_LOG"),
  SMTP_URL: z
    .string()
    .optional()
    .refine((v) => !v || /^smtps?:\/\//.test(v), "SMTP_URL begint met smtp:// of smtps://"),
  MAIL_FROM: z.string().min(3).optional(),
  WEB_CONCURRENCY: integer("WEB_CONCURRENCY", 1, 64),
  SERVICE_NAME: z.string().min(2).max(200).optional(),
  SERVICE_EMAIL: z.string().email("SERVICE_EMAIL moet een e-mailadres zijn").optional(),
  SERVICE_PHONE: z
    .string()
    .regex(/^[0-9 +()-]{6,20}$/, "SERVICE_PHONE moet een telefoonnummer zijn, zoals 070 123 45 67")
    .optional(),
  RETENTION_SESSION_DAYS: integer("RETENTION_SESSION_DAYS", 1, 3650),
  RETENTION_KEPT_INPUT_DAYS: integer("RETENTION_KEPT_INPUT_DAYS", 1, 3650),
  RETENTION_OUTBOX_DAYS: integer("RETENTION_OUTBOX_DAYS", 1, 3650),
  RETENTION_THROTTLE_HOURS: integer("RETENTION_THROTTLE_HOURS", 2, 24 * 365),
  RETENTION_AUDIT_ADDRESS_DAYS: integer("RETENTION_AUDIT_ADDRESS_DAYS", 1, 3650),
  DATABASE_BUSY_TIMEOUT_MS: integer("DATABASE_BUSY_TIMEOUT_MS", 100, 600_000),
  SECRET_KEY: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return undefined;
      const key = /^[0-9a-f]{64}$/i.test(v) ? Buffer.from(v, "hex") : Buffer.from(v, "base64");
      if (key.length !== 32) {
        ctx.addIssue({ code: "custom", message: "SECRET_KEY moet 32 willekeurige bytes zijn, base64 of hex: maak er een met openssl rand -base64 32" });
        return z.NEVER;
      }
      return key;
    }),
  SECOND_FACTOR_ROLES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === "") return undefined;
      if (v.trim() === "geen") return [] as Role[];
      const roles = v.split(",").map((r) => r.trim());
      const known = Object.keys(ROLE_LABEL);
      const unknown = roles.filter((r) => !known.includes(r));
      if (unknown.length) {
        ctx.addIssue({ code: "custom", message: `SECOND_FACTOR_ROLES kent ${unknown.join(", ")} niet; kies uit ${known.join(", ")}, of geen` });
        return z.NEVER;
      }
      return roles as Role[];
    }),
  PASSWORD_HASH_COST: integer("PASSWORD_HASH_COST", 1024, 2 ** 20).refine(
    (v) => v === undefined || (v & (v - 1)) === 0,
    "PASSWORD_HASH_COST moet een macht van 2 zijn, zoals 131072 (2^17)",
  ),
});

export interface ServerConfig {
  production: boolean;
  port: number;
  host: string;
  /** DATABASE_URL: a SQLite file (a `file:` prefix accepted) or a postgres:// URL. */
  databasePath: string;
  /** Whether a new database gets the demo data: SEED_DEMO, or by default only on a local installation. */
  seedDemo: boolean;
  /** SEED_DEMO=true was set: demo data on purpose, also at a public address. */
  seedDemoExplicit: boolean;
  /** How long a request waits for a database that is busy (SQLite's write lock, PostgreSQL's pool) before it gets 503. */
  busyTimeoutMs: number;
  questionnairesDir: string;
  /** Express's "trust proxy" setting, or undefined when the server is reached directly. */
  trustProxy: boolean | number | string | undefined;
  /** APP_ORIGIN as given, or undefined: writes are then checked against the request's own origin. */
  appOrigin: string | undefined;
  maxBodyBytes: number;
  requestLog: boolean;
  smtpUrl: string | undefined;
  mailFrom: string;
  /** Where a browser on this machine reaches the server: localhost for the loopback and any-address hosts. */
  listenOrigin: string;
  /** Worker processes that serve requests: one per core in production (WEB_CONCURRENCY overrides; 1: this process serves). */
  workers: number;
  app: AppConfig;
  /** Said once at start-up: settings that work but are not advised. */
  warnings: string[];
}

/** What the app's loaders and actions need of the configuration (in the load context). */
export interface AppConfig {
  /** Inactivity after which a session ends. */
  sessionIdleMinutes: number;
  /** How long a session lives at most, however active: a stolen cookie is worthless after this. */
  sessionAbsoluteHours: number;
  /** Secure cookies with the __Host- prefix: on in production (HTTPS); off for plain-HTTP development and tests. */
  secureCookies: boolean;
  /**
   * The origin that links in mail (invitations, password resets) are built from. Never taken from a
   * request header: APP_ORIGIN, or the address the server listens on.
   */
  publicOrigin: string;
  /** Who runs this installation, for the footer's contact page and the statements. */
  service: ServiceContact;
  /** How long what is kept only for a while is kept (the privacy statement shows these). */
  retention: RetentionPeriods;
  /** scrypt's cost (N) for new password hashes, and for the dummy hash an unknown account is checked against. */
  passwordHashCost: number;
  /** Whether mail leaves (SMTP_URL is set); if not, pages that invite show the links to copy. */
  sendsMail: boolean;
  /**
   * SECRET_KEY: encrypts what the product must read back (authenticator secrets) and keys the hashes of
   * recovery codes. Required at a public address; a local installation without it uses a fixed development key.
   */
  secretKey: Buffer;
  /** The roles that must sign in with a second factor (SECOND_FACTOR_ROLES; decision 90). */
  secondFactorRoles: Role[];
  /** Client secrets of identity providers from the configuration: OIDC_SECRET_<NAME>, by NAME (decision 91). */
  oidcSecrets: Record<string, string>;
}

export interface ServiceContact {
  name: string;
  email: string;
  phone: string | null;
}

/** Only for a local installation without SECRET_KEY: anyone can read it here, so it protects nothing. */
const DEVELOPMENT_SECRET_KEY = createHash("sha256").update("werken-aan-veiligheid: lokale ontwikkelsleutel").digest();

export const DEFAULT_DATABASE_PATH = "data/werken-aan-veiligheid.db";

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): ServerConfig {
  const parsed = environmentSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `- ${String(issue.path[0] ?? "")}: ${issue.message}`).join("\n"));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const port = e.PORT ?? 3000;
  const host = e.HOST ?? "127.0.0.1";
  const warnings: string[] = [];
  const listenOrigin = listenOriginOf(host, port);
  if (production && !e.APP_ORIGIN) {
    warnings.push(
      `APP_ORIGIN is niet gezet: links in e-mail (uitnodigingen, wachtwoord herstellen) wijzen naar ${listenOrigin}. Zet APP_ORIGIN op het publieke adres, zoals https://zelfscan.gemeente.nl.`,
    );
  }
  if (production && e.PASSWORD_HASH_COST !== undefined && e.PASSWORD_HASH_COST < DEFAULT_PASSWORD_HASH_COST) {
    warnings.push(
      `PASSWORD_HASH_COST is ${e.PASSWORD_HASH_COST}, lager dan de ${DEFAULT_PASSWORD_HASH_COST} die OWASP aanraadt: wachtwoorden zijn dan makkelijker te kraken als de database uitlekt. Alleen voor tests.`,
    );
  }
  if (e.SMTP_URL && !e.MAIL_FROM) {
    warnings.push(
      'MAIL_FROM is niet gezet: e-mail gaat uit van noreply@localhost, wat veel mailservers weigeren of als spam zien. Zet MAIL_FROM op een afzender van uw organisatie, zoals "Werken aan veiligheid <noreply@gemeente.nl>".',
    );
  }
  if (production && !e.SERVICE_EMAIL) {
    warnings.push(
      "SERVICE_EMAIL is niet gezet: de contactpagina en de verklaringen noemen het voorbeeldadres zelfscan@example.nl. Zet SERVICE_NAME, SERVICE_EMAIL en SERVICE_PHONE op de gegevens van wie deze omgeving beheert.",
    );
  }
  const local = isLocalInstallation(host, e.APP_ORIGIN);
  if (production && !local && !e.SECRET_KEY) {
    throw new ConfigError(
      "- SECRET_KEY: ontbreekt. Op een publiek adres versleutelt deze sleutel de geheimen van authenticator-apps; maak er een met openssl rand -base64 32 en bewaar hem buiten de database.",
    );
  }
  const trust = e.TRUST_PROXY;
  let workers = e.WEB_CONCURRENCY ?? (production ? availableParallelism() : 1);
  if (!production && workers > 1) {
    warnings.push("WEB_CONCURRENCY geldt alleen voor npm start (productie); npm run dev draait in één proces.");
    workers = 1;
  }
  return {
    production,
    port,
    host,
    listenOrigin,
    databasePath: databasePathOf(e.DATABASE_URL),
    seedDemo: e.SEED_DEMO ?? isLocalInstallation(host, e.APP_ORIGIN),
    seedDemoExplicit: e.SEED_DEMO === true,
    busyTimeoutMs: e.DATABASE_BUSY_TIMEOUT_MS ?? 5000,
    questionnairesDir: resolve(e.QUESTIONNAIRES_DIR ?? "questionnaires"),
    trustProxy: !trust ? undefined : trust === "true" ? true : /^\d+$/.test(trust) ? Number(trust) : trust,
    appOrigin: e.APP_ORIGIN,
    maxBodyBytes: e.MAX_BODY_BYTES ?? 1_000_000,
    requestLog: e.REQUEST_LOG ?? true,
    smtpUrl: e.SMTP_URL || undefined,
    mailFrom: e.MAIL_FROM ?? "Werken aan veiligheid <noreply@localhost>",
    workers,
    app: {
      sessionIdleMinutes: e.SESSION_IDLE_MINUTES ?? 30,
      sessionAbsoluteHours: e.SESSION_ABSOLUTE_HOURS ?? 12,
      secureCookies: e.COOKIE_SECURE ?? production,
      publicOrigin: e.APP_ORIGIN ?? listenOrigin,
      service: {
        name: e.SERVICE_NAME ?? "Programma Geweld hoort nergens thuis",
        email: e.SERVICE_EMAIL ?? "zelfscan@example.nl",
        phone: e.SERVICE_PHONE ?? null,
      },
      passwordHashCost: e.PASSWORD_HASH_COST ?? DEFAULT_PASSWORD_HASH_COST,
      sendsMail: Boolean(e.SMTP_URL),
      secretKey: e.SECRET_KEY ?? DEVELOPMENT_SECRET_KEY,
      oidcSecrets: Object.fromEntries(
        Object.entries(env).flatMap(([name, value]) => (/^OIDC_SECRET_[A-Z0-9_]+$/.test(name) && value ? [[name.slice("OIDC_SECRET_".length), value]] : [])),
      ),
      // A real installation asks a second factor of programma and regio; a local or demo installation of no one, unless configured.
      secondFactorRoles: e.SECOND_FACTOR_ROLES ?? (local || e.SEED_DEMO === true ? [] : ["programma", "regio"]),
      retention: {
        sessionDays: e.RETENTION_SESSION_DAYS ?? DEFAULT_RETENTION.sessionDays,
        keptInputDays: e.RETENTION_KEPT_INPUT_DAYS ?? DEFAULT_RETENTION.keptInputDays,
        outboxDays: e.RETENTION_OUTBOX_DAYS ?? DEFAULT_RETENTION.outboxDays,
        throttleHours: e.RETENTION_THROTTLE_HOURS ?? DEFAULT_RETENTION.throttleHours,
        auditAddressDays: e.RETENTION_AUDIT_ADDRESS_DAYS ?? DEFAULT_RETENTION.auditAddressDays,
      },
    },
    warnings,
  };
}

export function databasePathOf(url: string | undefined): string {
  return url?.replace(/^file:/, "") || DEFAULT_DATABASE_PATH;
}

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|\[?::1\]?)$/;

/**
 * A local installation: it listens on this machine only and no public origin is set (or a localhost
 * one). Only there does a new database get the demo data by default (decision 78).
 */
export function isLocalInstallation(host: string, appOrigin: string | undefined): boolean {
  return LOOPBACK.test(host) && (appOrigin === undefined || LOOPBACK.test(new URL(appOrigin).hostname));
}

/**
 * Why production must not start on this database, or null: demo accounts (whose password the README
 * prints, one of them with national access) at a public address, unless SEED_DEMO=true says that this
 * is a demo on purpose.
 */
export function demoAtPublicAddress(
  config: Pick<ServerConfig, "production" | "host" | "appOrigin" | "seedDemoExplicit">,
  demoAccounts: boolean,
): string | null {
  if (!config.production || !demoAccounts || config.seedDemoExplicit || isLocalInstallation(config.host, config.appOrigin)) return null;
  const where = config.appOrigin ? `APP_ORIGIN is het publieke adres ${config.appOrigin}` : `HOST=${config.host} maakt de server van buitenaf bereikbaar`;
  return [
    `De database bevat de demo-accounts (met het wachtwoord uit de README, een ervan met landelijke toegang) en ${where}.`,
    "Begin voor een echte installatie met een database zonder demodata: stop, zet SEED_DEMO=false en maak de database opnieuw (npm run db:reset, of een lege PostgreSQL-database).",
    "Is dit bewust een openbare demo-omgeving? Zet dan SEED_DEMO=true.",
  ].join("\n");
}

/**
 * The address to open for a server listening on this host and port: localhost where it listens on the loopback or on
 * every address (0.0.0.0, ::), where a browser could not open the host as written; an IPv6 address in brackets.
 */
export function listenOriginOf(host: string, port: number): string {
  const name = ["127.0.0.1", "::1", "0.0.0.0", "::"].includes(host) ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}
