import { rmSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { backupDatabase, restoreDatabase } from "../../db/backup.ts";
import { createDatabase } from "../../db/client.ts";
import { onPostgres, TEMPLATE_DIR } from "../support/paths.ts";

const files: string[] = [];
afterEach(async () => {
  for (const f of files.splice(0)) for (const s of ["", "-wal", "-shm"]) rmSync(f + s, { force: true });
});
const count = (file: string) => {
  const db = new SQLite(file, { readonly: true });
  try {
    return (db.prepare("select count(*) as n from team").get() as { n: number }).n;
  } finally {
    db.close();
  }
};

// db:backup and db:restore copy the SQLite file; a PostgreSQL deployment is backed up with pg_dump
// (README, for operators), so on PostgreSQL there is nothing of ours to test here.
describe.skipIf(onPostgres())("backup and restore", () => {
  it("backs up a database that is open and being written, consistently", async () => {
    const { copyFileSync } = await import("node:fs");
    const source = join(TEMPLATE_DIR, `live-${Date.now()}.db`);
    files.push(source);
    copyFileSync(join(TEMPLATE_DIR, "template-demo.db"), source);
    const live = count(source);
    // Write through one connection while another makes the backup.
    const writer = createDatabase(source);
    const target = join(TEMPLATE_DIR, `backup-${Date.now()}.db`);
    files.push(target);
    const writes = (async () => {
      for (let i = 0; i < 50; i++)
        await writer
          .insertInto("team")
          .values({ municipality_id: 1, name: `Nieuw ${i}`, kind: "wijkteam", created_at: new Date().toISOString() })
          .execute();
    })();
    const { pages } = await backupDatabase(source, target);
    await writes;
    await writer.destroy();
    expect(pages).toBeGreaterThan(0);
    const backedUp = count(target);
    expect(backedUp).toBeGreaterThanOrEqual(Number(live));
    expect(backedUp).toBeLessThanOrEqual(Number(live) + 50);
    const check = new SQLite(target, { readonly: true });
    expect(check.pragma("integrity_check", { simple: true })).toBe("ok");
    check.close();
  });

  it("restores a backup over the database, and refuses a file that is not one", async () => {
    const { copyFileSync, writeFileSync } = await import("node:fs");
    const original = join(TEMPLATE_DIR, `orig-${Date.now()}.db`);
    const backup = join(TEMPLATE_DIR, `bak-${Date.now()}.db`);
    const junk = join(TEMPLATE_DIR, `junk-${Date.now()}.db`);
    files.push(original, backup, junk);
    copyFileSync(join(TEMPLATE_DIR, "template-demo.db"), original);
    await backupDatabase(original, backup);
    const db = new SQLite(original);
    db.prepare("delete from answer").run();
    db.close();
    await restoreDatabase(backup, original);
    const restored = new SQLite(original, { readonly: true });
    expect((restored.prepare("select count(*) as n from answer").get() as { n: number }).n).toBeGreaterThan(1000);
    restored.close();
    writeFileSync(junk, "geen database");
    await expect(restoreDatabase(junk, original)).rejects.toThrow();
    const empty = new SQLite(junk + "-leeg.db");
    files.push(junk + "-leeg.db");
    empty.exec("create table x (a)");
    empty.close();
    await expect(restoreDatabase(junk + "-leeg.db", original)).rejects.toThrow(/geen back-up van deze toepassing/);
  });
});
