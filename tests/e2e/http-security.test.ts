import { describe, expect, it } from "vitest";
import { baseURL } from "./browser.ts";

// The production server's HTTP-level controls, checked with plain requests.
describe("HTTP security of the production server", () => {
  it("sends the security headers, with a script nonce that changes per response", async () => {
    const first = await fetch(`${baseURL()}/login`);
    const second = await fetch(`${baseURL()}/login`);
    const csp = first.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[0-9a-f]{32}'/);
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
      body: "email=programma%40demo.example&password=x",
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

  const post = (headers: Record<string, string>) =>
    fetch(`${baseURL()}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: "email=niemand%40demo.example&password=x",
      redirect: "manual",
    });

  it("refuses a cross-site write that has no Origin, by Fetch Metadata or by Referer (finding 15)", async () => {
    const forged: Record<string, string>[] = [
      { "Sec-Fetch-Site": "cross-site" },
      { "Sec-Fetch-Site": "same-site" },
      { Referer: "https://evil.example/form.html" },
    ];
    for (const headers of forged) {
      const response = await post(headers);
      expect(response.status, JSON.stringify(headers)).toBe(403);
    }
    const own = new URL(baseURL()).origin;
    // The product's own forms, and a client that is no browser (no Origin, no Fetch Metadata, no Referer), pass.
    const allowed: Record<string, string>[] = [{ "Sec-Fetch-Site": "same-origin", Origin: own }, { Referer: `${own}/login` }, {}];
    for (const headers of allowed) {
      const response = await post(headers);
      expect(response.status, JSON.stringify(headers)).toBe(400);
    }
  });

  it("signed-in pages and their data requests are never cached; fingerprinted assets are (finding 4)", async () => {
    const login = await fetch(`${baseURL()}/login`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=regio.twente%40demo.example&password=demo-veilig-2025",
      redirect: "manual",
    });
    expect(login.status).toBe(302);
    const setCookie = login.headers.get("set-cookie")!;
    // Production: the __Host- prefix, Secure, and the absolute lifetime of 12 hours (finding 12).
    expect(setCookie).toMatch(/^__Host-wav_sessie=[A-Za-z0-9_-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=43200; Secure$/);
    const cookie = setCookie.split(";")[0]!;
    const start = login.headers.get("location")!;
    const page = await fetch(`${baseURL()}${start}`, { headers: { Cookie: cookie } });
    expect(page.status).toBe(200);
    expect(page.headers.get("cache-control")).toBe("no-store");
    const data = await fetch(`${baseURL()}${start}.data`, { headers: { Cookie: cookie } });
    expect(data.status).toBe(200);
    expect(data.headers.get("cache-control")).toBe("no-store");
    const asset = /\/assets\/[^"]+\.js/.exec(await page.text())![0];
    expect((await fetch(`${baseURL()}${asset}`)).headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  });
});
