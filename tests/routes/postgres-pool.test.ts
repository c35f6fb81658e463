import { sql } from "kysely";
import { describe, expect, it, vi } from "vitest";
import { openDatabase } from "../../db/client.ts";
import { newPostgresDatabase } from "../support/db.ts";
import { onPostgres } from "../support/paths.ts";

// On SQLite there is no server that can end a connection; the test runs in the PostgreSQL run only.
describe.runIf(onPostgres())("the PostgreSQL connection pool", () => {
  it("survives the server ending an idle connection: the process goes on and the next query works", async () => {
    const { url, drop } = newPostgresDatabase();
    const db = openDatabase(url);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    try {
      const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(db);
      // What a restart, a failover or an administrator does to a connection the pool keeps idle.
      const other = openDatabase(url);
      await sql`select pg_terminate_backend(${rows[0]!.pid})`.execute(other);
      await other.destroy();
      await vi.waitFor(() => expect(warn).toHaveBeenCalledWith(expect.stringContaining("PostgreSQL beëindigde een verbinding")), { timeout: 5_000 });
      const again = await sql<{ one: number }>`select 1 as one`.execute(db);
      expect(again.rows).toEqual([{ one: 1 }]);
    } finally {
      warn.mockRestore();
      await db.destroy();
      drop();
    }
  });
});
