import { copyFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import type { AppLoadContext } from "@remix-run/node";
import { DEFAULT_RETENTION } from "../../app/models/retention.server.ts";
import { openDatabase, type DB } from "../../db/client.ts";
import type { AppConfig } from "../../app/server/context.ts";
import { onPostgres, POSTGRES_SOCKET_ENV, TEMPLATE_DEMO, TEMPLATE_DEMO_PG, TEMPLATE_DIR, TEMPLATE_EMPTY, TEMPLATE_EMPTY_PG } from "./paths.ts";
import { TEST_PASSWORD_COST } from "./fixtures.ts";
import { psql } from "../../scripts/postgres-server.ts";

export interface TestContext extends AppLoadContext {
  db: DB;
  config: AppConfig;
  /** The database's URL (a SQLite file, or postgres://), for a second connection (another process) or a check from outside. */
  file: string;
  close: () => Promise<void>;
}

/** The app's configuration in tests (the load context's config). */
export const TEST_CONFIG: AppConfig = {
  sessionIdleMinutes: 60,
  sessionAbsoluteHours: 12,
  secureCookies: false,
  publicOrigin: "http://localhost:3000",
  service: { name: "Testbeheer", email: "beheer@test.nl", phone: null },
  retention: DEFAULT_RETENTION,
  // New passwords in tests are hashed cheaply (the accounts of the fixtures too): a busy machine must not
  // turn a test's few hashes into seconds of scrypt. Production keeps OWASP's 2^17 (PASSWORD_HASH_COST).
  passwordHashCost: TEST_PASSWORD_COST,
  sendsMail: false,
  secretKey: Buffer.alloc(32, 7),
  secondFactorRoles: [],
  oidcSecrets: {},
};

/** A private copy of a template database, opened the way the server opens it (SQLite, or PostgreSQL with TEST_DATABASE=postgres). */
export function openTestDatabase(template: "empty" | "demo" = "empty"): TestContext {
  if (onPostgres()) return openPostgresTestDatabase(template);
  const file = join(TEMPLATE_DIR, `test-${randomUUID()}.db`);
  copyFileSync(template === "demo" ? TEMPLATE_DEMO : TEMPLATE_EMPTY, file);
  const db = openDatabase(file);
  return {
    db,
    file,
    config: TEST_CONFIG,
    close: async () => {
      await db.destroy();
      for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
    },
  };
}

/**
 * A new database on the run's PostgreSQL server (TEST_DATABASE=postgres): empty, or made from a
 * template. Its URL, and a function that drops it.
 */
export function newPostgresDatabase(template?: string): { url: string; drop: () => void } {
  const socket = process.env[POSTGRES_SOCKET_ENV];
  if (!socket) throw new Error("TEST_DATABASE=postgres, but the global setup started no server");
  const name = `test_${randomUUID().replace(/-/g, "")}`;
  psql(socket, `create database ${name}${template ? ` template ${template}` : ""}`);
  return { url: `postgres://postgres@localhost/${name}?host=${socket}`, drop: () => psql(socket, `drop database if exists ${name} with (force)`) };
}

function openPostgresTestDatabase(template: "empty" | "demo"): TestContext {
  const { url, drop } = newPostgresDatabase(template === "demo" ? TEMPLATE_DEMO_PG : TEMPLATE_EMPTY_PG);
  const db = openDatabase(url);
  return {
    db,
    file: url,
    config: TEST_CONFIG,
    close: async () => {
      await db.destroy();
      drop();
    },
  };
}
