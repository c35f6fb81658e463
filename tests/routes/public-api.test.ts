import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { getRequest, run } from "../support/http.ts";
import * as entry from "../../app/routes/api.v1._index.tsx";
import * as description from "../../app/routes/api.v1.openapi[.]json.tsx";
import * as years from "../../app/routes/api.v1.jaren._index.tsx";
import * as year from "../../app/routes/api.v1.jaren.$year._index.tsx";
import * as regions from "../../app/routes/api.v1.jaren.$year.regios.tsx";
import * as elsewhere from "../../app/routes/api.v1.$.tsx";

// Issue 30: the read-only API of the published national picture. Its OpenAPI description is valid (checked with
// a validator of the OpenAPI 3.1 schema), and every answer the API gives, errors included, matches the schema the
// description names for it (checked with Ajv, JSON Schema 2020-12, as OpenAPI 3.1 uses).

let context: TestContext;
beforeEach(() => {
  context = openTestDatabase("demo");
});
afterEach(() => context.close());

type Doc = {
  paths: Record<string, { get: { responses: Record<string, { content?: Record<string, { schema: { $ref?: string } }> }> } }>;
  components: { schemas: Record<string, object> };
};

async function documentOf(): Promise<Doc> {
  return (await (await run(description.loader, getRequest("/api/v1/openapi.json"), context)).raw!.json()) as Doc;
}

/** Checks an answer against the description: its status must be documented for the path, its body must match the schema. */
async function expectDescribed(doc: Doc, path: string, response: Response) {
  const documented = doc.paths[path]!.get.responses[String(response.status)];
  expect(documented, `${path} ${response.status} is described`).toBeDefined();
  const [type, media] = Object.entries(documented!.content ?? {})[0]!;
  expect(response.headers.get("Content-Type")?.startsWith(type), `${path} ${response.status} content type`).toBe(true);
  const ajv = new Ajv2020({ strict: false });
  for (const [name, schema] of Object.entries(doc.components.schemas)) ajv.addSchema(schema, `#/components/schemas/${name}`);
  const validate = ajv.compile(media.schema.$ref ? { $ref: media.schema.$ref } : media.schema);
  const body = await response.json();
  expect(validate(body), `${path} ${response.status}: ${JSON.stringify(validate.errors)}`).toBe(true);
  return body;
}

describe("the public API", () => {
  it("describes itself in a valid OpenAPI 3.1 document", async () => {
    const response = (await run(description.loader, getRequest("/api/v1/openapi.json"), context)).raw!;
    expect(response.headers.get("API-Version")).toBe("1.0.0");
    const result = await new Validator().validate(await response.json());
    expect(result.errors ?? [], JSON.stringify(result.errors)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("answers every path as described: versioned JSON, CORS, ETag, paging; problem+json for what is not there", async () => {
    const doc = await documentOf();
    const links = await (await run(entry.loader, getRequest("/api/v1"), context)).raw!.json();
    expect(links._links.openapi.href).toBe("http://localhost:3000/api/v1/openapi.json");

    const list = (await run(years.loader, getRequest("/api/v1/jaren"), context)).raw!;
    expect(list.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(list.headers.get("Cache-Control")).toBe("public, max-age=300");
    expect(list.headers.get("ETag")).toMatch(/^".+"$/);
    const body = await expectDescribed(doc, "/jaren", list);
    expect(body.data.map((y: { jaar: number }) => y.jaar)).toEqual([2021, 2020, 2019]);

    const one = await expectDescribed(doc, "/jaren/{jaar}", (await run(year.loader, getRequest("/api/v1/jaren/2021"), context, { year: "2021" })).raw!);
    expect(one.jaar).toBe(2021);

    const first = await expectDescribed(
      doc,
      "/jaren/{jaar}/regios",
      (await run(regions.loader, getRequest("/api/v1/jaren/2021/regios?per_pagina=10"), context, { year: "2021" })).raw!,
    );
    expect(first.paginering).toEqual({ pagina: 1, per_pagina: 10, totaal: 28, paginas: 3 });
    expect(first.data).toHaveLength(10);
    expect(first._links.next.href).toBe("http://localhost:3000/api/v1/jaren/2021/regios?pagina=2&per_pagina=10");
    expect(first._links.prev).toBeUndefined();
    const last = await expectDescribed(
      doc,
      "/jaren/{jaar}/regios",
      (await run(regions.loader, getRequest("/api/v1/jaren/2021/regios?pagina=3&per_pagina=10"), context, { year: "2021" })).raw!,
    );
    expect(last.data).toHaveLength(8);
    expect(last._links.next).toBeUndefined();

    // What is not there, or asked wrongly: problem+json, as described.
    const draft = new Date().getUTCFullYear();
    const problems: [string, Response, number][] = [
      ["/jaren/{jaar}", (await run(year.loader, getRequest(`/api/v1/jaren/${draft}`), context, { year: String(draft) })).raw!, 404],
      ["/jaren/{jaar}", (await run(year.loader, getRequest("/api/v1/jaren/twintig"), context, { year: "twintig" })).raw!, 400],
      ["/jaren/{jaar}/regios", (await run(regions.loader, getRequest("/api/v1/jaren/2021/regios?per_pagina=500"), context, { year: "2021" })).raw!, 400],
      ["/jaren/{jaar}/regios", (await run(regions.loader, getRequest("/api/v1/jaren/2021/regios?pagina=9"), context, { year: "2021" })).raw!, 404],
    ];
    for (const [path, response, status] of problems) {
      expect(response.status, path).toBe(status);
      const problem = await expectDescribed(doc, path, response);
      expect(problem.status).toBe(status);
    }
    const unknown = (await run(elsewhere.loader, getRequest("/api/v1/gemeenten"), context)).raw!;
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get("Content-Type")).toBe("application/problem+json");
  });

  it("answers a repeated request with the same ETag with 304, and never sets a cookie", async () => {
    const first = (await run(years.loader, getRequest("/api/v1/jaren"), context)).raw!;
    const again = (await run(years.loader, new Request("http://localhost/api/v1/jaren", { headers: { "If-None-Match": first.headers.get("ETag")! } }), context))
      .raw!;
    expect(again.status).toBe(304);
    expect(first.headers.get("Set-Cookie")).toBeNull();
  });
});
