import { rmSync } from "node:fs";
import { loadConfig } from "../app/server/config.server.ts";
import { prepareDatabase } from "../app/bootstrap.server.ts";
import { DEMO_PASSWORD } from "./demo.ts";

// `npm run db:reset`: throws away the database file and builds a fresh demo database.
const path = loadConfig().databasePath;
for (const suffix of ["", "-wal", "-shm"]) rmSync(path + suffix, { force: true });
const started = Date.now();
const { db, accounts } = await prepareDatabase({ databasePath: path });
await db.destroy();
console.log(`Demodatabase opnieuw opgebouwd in ${path} (${Date.now() - started} ms).`);
for (const a of accounts) console.log(`  ${a.email.padEnd(40)} ${a.description}`);
console.log(`Wachtwoord van alle demo-accounts: ${DEMO_PASSWORD}`);
