import { mkdirSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { createDatabase } from "../db/client.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { backupDatabase, restoreDatabase } from "../db/backup.ts";
import { ConfigError, loadConfig } from "../app/server/config.server.ts";
import { prepareDatabase } from "../app/server/bootstrap.server.ts";
import { DEMO_PASSWORD } from "../seeds/demo.ts";

// The database commands of package.json, on the database DATABASE_URL names:
//   npm run db:migrate         apply pending migrations (exits non-zero on failure)
//   npm run db:reset           throw the database away and build a fresh demo database
//   npm run db:backup [FILE]   a consistent online backup (safe while the server runs)
//   npm run db:restore FILE    check FILE and restore it (stop the server first)

const USAGE = "Gebruik: node scripts/db.ts migrate | reset | backup [BESTAND] | restore BESTAND";

async function main([command, file]: string[]) {
  const { databasePath } = loadConfig();
  switch (command) {
    case "migrate": {
      mkdirSync(dirname(databasePath), { recursive: true });
      const db = createDatabase(databasePath);
      try {
        const applied = await migrateToLatest(db);
        console.log(applied.length ? `Toegepast: ${applied.join(", ")}` : "Database is al bij.");
      } finally {
        await db.destroy();
      }
      return;
    }
    case "reset": {
      for (const suffix of ["", "-wal", "-shm"]) rmSync(databasePath + suffix, { force: true });
      const started = Date.now();
      const { db, accounts } = await prepareDatabase({ databasePath });
      await db.destroy();
      console.log(`Demodatabase opnieuw opgebouwd in ${databasePath} (${Date.now() - started} ms).`);
      for (const a of accounts) console.log(`  ${a.email.padEnd(40)} ${a.description}`);
      console.log(`Wachtwoord van alle demo-accounts: ${DEMO_PASSWORD}`);
      return;
    }
    case "backup": {
      const target = file ?? `backups/werken-aan-veiligheid-${new Date().toISOString().replace(/[:.]/g, "-")}.db`;
      const { pages } = await backupDatabase(databasePath, target);
      console.log(`Back-up gemaakt: ${target} (${pages} pagina's) van ${databasePath}.`);
      return;
    }
    case "restore":
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
