import { describe, expect, it } from "vitest";
import * as health from "../../app/routes/healthz.ts";
import { openTestDatabase } from "../support/db.ts";
import { getRequest, run } from "../support/http.ts";

describe("GET /healthz", () => {
  it("answers 200 while the database answers, and 503 when it does not", async () => {
    const context = openTestDatabase();
    const ok = await run(health.loader, getRequest("/healthz"), context);
    expect(ok.status).toBe(200);
    expect(await ok.raw!.text()).toBe("ok\n");
    await context.close();
    const down = await run(health.loader, getRequest("/healthz"), context);
    expect(down.status).toBe(503);
  });
});
