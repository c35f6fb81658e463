import { createHash } from "node:crypto";
import { pipeline, Readable, Transform } from "node:stream";
import { isUnstorableText } from "../domain/text.ts";

// The HTTP edge the routes share: reading a posted form safely, a 404, ids from the URL, a safe
// redirect target. Models and services never build HTTP responses; routes and this module do.

const CONTENT_TYPE = { csv: "text/csv; charset=utf-8", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } as const;

/** A strong ETag for a body: the first 27 characters of its SHA-256 (162 bits), quoted. */
export const etagOf = (body: string | Buffer) => `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;

/** Whether an If-None-Match header names this ETag (a list of tags, as a cache may send). */
export const matchesEtag = (ifNoneMatch: string | null | undefined, etag: string) => (ifNoneMatch ?? "").split(",").some((tag) => tag.trim() === etag);

/**
 * Open data for anyone (issue 30): cacheable for an hour with an ETag (a repeat request with If-None-Match gets
 * 304 and no body), readable from any site (CORS for GET), with the licence as a Link header. Never a cookie.
 */
export function publicData(request: Request, body: string, kind: "json" | "csv", licence: string): Response {
  const etag = etagOf(body);
  const headers: Record<string, string> = {
    ETag: etag,
    "Cache-Control": "public, max-age=3600",
    "Access-Control-Allow-Origin": "*",
    Link: `<${licence}>; rel="license"`,
  };
  if (matchesEtag(request.headers.get("If-None-Match"), etag)) return new Response(null, { status: 304, headers });
  return new Response(body, { headers: { ...headers, "Content-Type": kind === "json" ? "application/json; charset=utf-8" : CONTENT_TYPE.csv } });
}

/** The API's answers (issue 30, NL API Design Rules): JSON with its version, CORS for GET, cacheable with an ETag. */
export function apiJson(request: Request, body: unknown, version: string): Response {
  const response = publicData(request, JSON.stringify(body), "json", "https://creativecommons.org/publicdomain/zero/1.0/deed.nl");
  response.headers.set("API-Version", version);
  response.headers.set("Cache-Control", "public, max-age=300");
  return response;
}

/** An API error as RFC 9457 problem details (application/problem+json), in Dutch. */
export function apiProblem(status: 400 | 404 | 429, detail: string, version: string, headers: Record<string, string> = {}): Response {
  const title = { 400: "Ongeldige vraag", 404: "Niet gevonden", 429: "Te veel verzoeken" }[status];
  return new Response(JSON.stringify({ type: "about:blank", title, status, detail }), {
    status,
    headers: {
      "Content-Type": "application/problem+json",
      "API-Version": version,
      "Access-Control-Allow-Origin": "*",
      "Cache-Control": "no-store",
      ...headers,
    },
  });
}

/** A file the browser saves (CSV or XLSX), streamed as it is written, in chunks of 64 KB. */
export function download(stream: Readable, filename: string, kind: keyof typeof CONTENT_TYPE): Response {
  return new Response(Readable.toWeb(inLargeChunks(stream)) as ReadableStream, {
    headers: { "Content-Type": CONTENT_TYPE[kind], "Content-Disposition": `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, "_")}"` },
  });
}

const CHUNK_BYTES = 64 * 1024;

/**
 * The stream's output gathered into chunks of at least 64 KB (the last one smaller). A CSV is written a row
 * at a time; sent as it comes, every row would be a write to the socket and a step of the compression stream
 * (a round trip to zlib's thread pool), which made a compressed CSV cost four times the CPU (decision 89).
 * An error in the source ends the download.
 */
function inLargeChunks(source: Readable): Readable {
  let pending: Buffer[] = [];
  let size = 0;
  const gathered = new Transform({
    transform(chunk: Buffer | string, _encoding, done) {
      const bytes = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
      pending.push(bytes);
      size += bytes.length;
      if (size >= CHUNK_BYTES) {
        this.push(Buffer.concat(pending, size));
        pending = [];
        size = 0;
      }
      done();
    },
    flush(done) {
      if (size) this.push(Buffer.concat(pending, size));
      done();
    },
  });
  pipeline(source, gathered, () => {});
  return gathered;
}

export function notFound(): never {
  throw new Response("Niet gevonden", { status: 404 });
}

/** A positive integer id from a route parameter; anything else is a 404, never a 500. */
export function parseId(value: string | undefined): number {
  if (!value || !/^[1-9][0-9]{0,9}$/.test(value)) notFound();
  return Number(value);
}

/**
 * Only a plain local path: "/" followed by the characters a URL path and query may hold unescaped
 * (ASCII letters, digits, - . _ ~ ! $ & ' ( ) * + , ; = : @ % / ?). No scheme, no host, no "//" or
 * "/\\" trick, no control or non-ASCII character (a redirect header cannot carry those). Anything else
 * is ignored.
 */
const LOCAL_PATH = /^\/(?![/\\])[A-Za-z0-9\-._~!$&'()*+,;=:@%/?]*$/;
export function safeRedirectPath(value: FormDataEntryValue | string | null | undefined, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2000 || !LOCAL_PATH.test(value)) return fallback;
  return value;
}

/** More fields than any of the product's forms has (a zelfscan section has a few dozen). */
const MAX_FIELDS = 2000;

/**
 * Reads a posted form. A body that is not a form (JSON, XML, nothing) is refused with 415, a form with
 * a file where the form has no file field, with absurdly many fields, or with text no database can
 * store (U+0000, a lone surrogate; see isUnstorableText), with 400: each with a Dutch message instead
 * of surfacing as a 500 or, worse, as an emptied answer.
 */
export async function readFormData(request: Request, options: { fileFields?: string[] } = {}): Promise<FormData> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
    throw new Response("Verstuur dit formulier vanaf de pagina zelf (verwacht: een formulier).", { status: 415 });
  }
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    throw new Response("Het formulier kon niet worden gelezen.", { status: 400 });
  }
  let count = 0;
  for (const [name, value] of form) {
    if (++count > MAX_FIELDS) throw new Response("Het formulier bevat te veel velden. Er is niets gewijzigd.", { status: 400 });
    if (typeof value !== "string" && !options.fileFields?.includes(name)) {
      throw new Response("Dit formulier neemt geen bestanden aan. Er is niets gewijzigd; verstuur het formulier vanaf de pagina zelf.", { status: 400 });
    }
    if (isUnstorableText(name) || (typeof value === "string" && isUnstorableText(value))) {
      throw new Response("Het formulier bevat een teken dat niet kan worden opgeslagen (een nul-teken). Er is niets gewijzigd.", { status: 400 });
    }
  }
  return form;
}
