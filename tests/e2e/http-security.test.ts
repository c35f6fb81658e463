import { describe, expect, it } from "vitest";
import { baseURL } from "./browser.ts";

// The production server's HTTP-level controls, checked with plain requests.
describe("HTTP security of the production server", () => {
  it("sends the security headers, with a script nonce that changes per response", async () => {
    const first = await fetch(`${baseURL()}/login`);
    const second = await fetch(`${baseURL()}/login`);
    const csp = first.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-inline");
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    expect(first.headers.get("x-content-type-options")).toBe("nosniff");
    expect(first.headers.get("referrer-policy")).toBe("same-origin");
    expect(first.headers.get("strict-transport-security")).toContain("max-age=31536000");
    expect(first.headers.get("x-powered-by")).toBeNull();
    const html = await first.text();
    const nonce = csp.match(/'nonce-([^']+)'/)![1];
    // Every inline script of the page carries the nonce.
    const scripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    expect(scripts.every((attributes) => attributes.includes(`nonce="${nonce}"`))).toBe(true);
  });

  it("refuses a write from another site (Origin) with 403", async () => {
    const response = await fetch(`${baseURL()}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://evil.example" },
      body: "email=programma%40demo.nl&password=x",
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(await response.text()).toContain("niet van deze website");
  });

  it("refuses a body over the limit with 413", async () => {
    const response = await fetch(`${baseURL()}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: `email=${"a".repeat(1_100_000)}`,
      redirect: "manual",
    });
    expect(response.status).toBe(413);
    expect(await response.text()).toContain("te groot");
  });
});
