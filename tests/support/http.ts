import type { ActionFunctionArgs, AppLoadContext, LoaderFunctionArgs } from "@remix-run/node";

export const BASE = "http://localhost";

type Fields = Record<string, string | string[]> | [string, string][];

export function getRequest(path: string, cookie?: string): Request {
  return new Request(BASE + path, { headers: cookie ? { Cookie: cookie } : {} });
}

/** A form post as the browser sends it (application/x-www-form-urlencoded). */
export function formRequest(path: string, fields: Fields, cookie?: string): Request {
  const body = new URLSearchParams();
  const entries: [string, string][] = Array.isArray(fields)
    ? fields
    : Object.entries(fields).flatMap(([k, v]): [string, string][] => (Array.isArray(v) ? v.map((x): [string, string] => [k, x]) : [[k, v]]));
  for (const [k, v] of entries) body.append(k, v);
  return new Request(BASE + path, {
    method: "POST",
    body,
    headers: { "Content-Type": "application/x-www-form-urlencoded", ...(cookie ? { Cookie: cookie } : {}) },
  });
}

export interface Outcome {
  status: number;
  data: any;
  location: string | null;
  headers: Headers;
  /** The Response itself, for resource routes (downloads). */
  raw?: Response;
}

/** Runs a loader or action and returns what the browser would get: status, data, redirect target. */
export async function run(fn: (args: any) => unknown, request: Request, context: AppLoadContext, params: Record<string, string> = {}): Promise<Outcome> {
  try {
    const result = await fn({ request, context, params } satisfies LoaderFunctionArgs | ActionFunctionArgs);
    return fromResult(result);
  } catch (thrown) {
    if (thrown instanceof Response) {
      return {
        status: thrown.status,
        data: thrown.status >= 300 && thrown.status < 400 ? null : await thrown.text(),
        location: thrown.headers.get("Location"),
        headers: thrown.headers,
      };
    }
    throw thrown;
  }
}

function fromResult(result: unknown): Outcome {
  if (result instanceof Response) {
    return { status: result.status, data: null, location: result.headers.get("Location"), headers: result.headers, raw: result };
  }
  // data(value, init) with single fetch
  if (result && typeof result === "object" && (result as any).type === "DataWithResponseInit") {
    const init = (result as any).init ?? {};
    return { status: init.status ?? 200, data: (result as any).data, location: null, headers: new Headers(init.headers) };
  }
  return { status: 200, data: result, location: null, headers: new Headers() };
}
