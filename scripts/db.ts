// First: refuse an unsupported Node before a native addon is loaded.
import "../app/server/node-version.ts";
import { mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { isPostgresUrl, openDatabase } from "../db/client.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { backupDatabase, restoreDatabase } from "../db/backup.ts";
import { copyDatabase } from "../db/copy.ts";
import { cleanUp } from "../app/models/retention.server.ts";
import { ConfigError, loadConfig } from "../app/server/config.server.ts";
import { prepareDatabase } from "../app/server/bootstrap.server.ts";
import { DEMO_PASSWORD } from "../seeds/demo.ts";

// The database commands of package.json, on the database DATABASE_URL names:
//   npm run db:migrate         apply pending migrations (exits non-zero on failure)
//   npm run db:reset           throw the database away and build a fresh one (demo data as at a first start)
//   npm run db:backup [FILE]   a consistent online backup (safe while the server runs)
//   npm run db:restore FILE    check FILE and restore it (stop the server first)
//   npm run db:cleanup         remove what is kept only for a while (the server does this daily)
//   npm run db:copy -- --from FILE.db --to postgres://…   a whole SQLite deployment into an empty PostgreSQL database

const USAGE = "Gebruik: node scripts/db.ts migrate | reset | backup [BESTAND] | restore BESTAND | copy --from BESTAND.db --to postgres://…";

async function main([command, file, ...rest]: string[]) {
  if (command === "copy") {
    const args = [file, ...rest];
    const option = (name: string) => {
      const at = args.indexOf(name);
      return at >= 0 ? args[at + 1] : undefined;
    };
    const from = option("--from");
    const to = option("--to");
    if (!from || !to) throw new Error("Gebruik: npm run db:copy -- --from BESTAND.db --to postgres://gebruiker:wachtwoord@host:5432/database");
    const started = Date.now();
    const copied = await copyDatabase(from, to);
    for (const { table, rows } of copied) console.log(`  ${table.padEnd(24)} ${String(rows).padStart(8)} rijen`);
    console.log(`Gekopieerd: ${copied.reduce((n, t) => n + t.rows, 0)} rijen in ${copied.length} tabellen, aantallen gelijk, in ${Date.now() - started} ms.`);
    return;
  }
  const { databasePath, app, seedDemo } = loadConfig();
  switch (command) {
    case "cleanup": {
      const db = openDatabase(databasePath);
      try {
        const removed = await cleanUp(db, app.retention);
        console.log(`Opgeruimd volgens de bewaartermijnen: ${JSON.stringify(removed)}`);
      } finally {
        await db.destroy();
      }
      return;
    }
    case "migrate": {
      if (!isPostgresUrl(databasePath)) mkdirSync(dirname(databasePath), { recursive: true });
      const db = openDatabase(databasePath);
      try {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `Toegepast: ${applied.join(", ")}` : "Database is al bij.");
      } finally {
        await db.destroy();
      }
      return;
    }
    case "reset": {
      if (isPostgresUrl(databasePath)) throw new Error("db:reset is voor een SQLite-bestand; maak voor PostgreSQL een nieuwe lege database aan.");
      for (const suffix of ["", "-wal", "-shm"]) rmSync(databasePath + suffix, { force: true });
      const started = Date.now();
      // The same rule as a first start: demo data on a local installation or with SEED_DEMO=true.
      const { db, accounts } = await prepareDatabase({ databasePath, seedDemo, origin: app.publicOrigin });
      await db.destroy();
      if (!accounts.length) {
        console.log(`Database opnieuw opgebouwd in ${databasePath} (${Date.now() - started} ms), zonder demodata: regio's en gemeenten.`);
        return;
      }
      console.log(`Demodatabase opnieuw opgebouwd in ${databasePath} (${Date.now() - started} ms).`);
      for (const a of accounts) console.log(`  ${a.email.padEnd(40)} ${a.description}`);
      console.log(`Wachtwoord van alle demo-accounts: ${DEMO_PASSWORD}`);
      return;
    }
    case "backup": {
      if (isPostgresUrl(databasePath)) throw new Error("db:backup is voor een SQLite-bestand; maak van PostgreSQL een back-up met pg_dump (README).");
      const target = file ?? `backups/werken-aan-veiligheid-${new Date().toISOString().replace(/[:.]/g, "-")}.db`;
      const { pages } = await backupDatabase(databasePath, target);
      console.log(`Back-up gemaakt: ${target} (${pages} pagina's) van ${databasePath}.`);
      return;
    }
    case "restore":
      if (isPostgresUrl(databasePath)) throw new Error("db:restore is voor een SQLite-bestand; zet PostgreSQL terug met pg_restore (README).");
      if (!file) throw new Error("Gebruik: npm run db:restore BESTAND (stop de server eerst).");
      await restoreDatabase(file, databasePath);
      console.log(`Teruggezet: ${file} -> ${databasePath}. Start de server opnieuw.`);
      return;
    default:
      throw new Error(USAGE);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof ConfigError ? `De instellingen kloppen niet:\n${error.message}` : error instanceof Error ? error.message : error);
  process.exit(1);
});
