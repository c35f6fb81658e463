import { rmSync } from "node:fs";
import { join } from "node:path";
import SQLite from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { startBaseline } from "../../scripts/bench/baseline.ts";
import { generate } from "../../scripts/bench/generate.ts";
import { TEMPLATE_DIR } from "../support/paths.ts";

// A small run of the benchmark's own code (npm test does not run the benchmark itself): the
// generator at a tiny scale, and the baseline server answering a section page and a draft save.
const file = join(TEMPLATE_DIR, `bench-smoke-${process.pid}.db`);
afterAll(() => {
  for (const s of ["", "-wal", "-shm"]) rmSync(file + s, { force: true });
});

describe("the benchmark's code", () => {
  it("generates the requested scale and a baseline that reads and saves like the product", async () => {
    const g = await generate(file, { teams: 40, rounds: 2, answeredShare: 0.9 });
    const db = new SQLite(file, { readonly: true });
    const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
    expect(count("select count(*) n from team")).toBe(40);
    expect(count("select count(*) n from round where kind = 'zelfscan'")).toBe(2);
    expect(count("select count(*) n from response where team_id is not null")).toBe(2 * 36);
    expect(count("select count(*) n from response where municipality_id is not null")).toBe(2 * 342);
    expect(count("select count(*) n from response where region_id is not null")).toBe(2 * 28);
    expect(count("select count(*) n from improvement_action")).toBe(342 * 5);
    db.close();
    expect(g.cookies.team.filter((t) => !t.responseId)).toHaveLength(4);

    const draft = g.cookies.team.find((t) => t.responseId)!;
    const server = await startBaseline(file, 0);
    const port = (server.address() as { port: number }).port;
    try {
      const page = await fetch(`http://127.0.0.1:${port}/vragenlijsten/${draft.responseId}/onderdelen/C`, { headers: { cookie: draft.cookie } });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain('name="revision" value="1"');
      // The same form as the product's page: every option of every item of section C, and its toelichting.
      for (const item of ["C1", "C2", "C3", "C4", "C5", "C6"]) {
        for (const option of ["voldoet", "voldoet_deels", "voldoet_niet", "weet_niet", "nvt"])
          expect(html).toMatch(new RegExp(`name="${item}"[^>]*value="${option}"`));
        expect(html).toContain(`name="${item}__toelichting"`);
      }
      const save = (revision: number) =>
        fetch(`http://127.0.0.1:${port}/vragenlijsten/${draft.responseId}/onderdelen/C`, {
          method: "POST",
          headers: { cookie: draft.cookie, "content-type": "application/x-www-form-urlencoded" },
          body: `C1=voldoet&revision=${revision}`,
          redirect: "manual",
        });
      expect((await save(1)).status).toBe(302);
      expect((await save(1)).status).toBe(409);
      // Saved as the product saves: the answer, the new revision and an audit entry with the change.
      const check = new SQLite(file, { readonly: true });
      expect(check.prepare("select value from answer where response_id = ? and item_key = 'C1'").get(draft.responseId)).toEqual({ value: "voldoet" });
      expect(check.prepare("select revision from response where id = ?").get(draft.responseId)).toEqual({ revision: 2 });
      expect(check.prepare("select count(*) n from audit_log where action = 'answers.saved' and entity_id = ?").get(String(draft.responseId))).toEqual({
        n: 1,
      });
      check.close();
      const invalid = await fetch(`http://127.0.0.1:${port}/vragenlijsten/${draft.responseId}/onderdelen/C`, {
        method: "POST",
        headers: { cookie: draft.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: "C1=misschien&revision=2",
        redirect: "manual",
      });
      expect(invalid.status).toBe(400);
      const foreign = await fetch(`http://127.0.0.1:${port}/vragenlijsten/${draft.responseId}/onderdelen/C`, { headers: { cookie: g.cookies.programma } });
      expect(foreign.status).toBe(404);
    } finally {
      await new Promise((r) => server.close(r));
    }
  });
});
