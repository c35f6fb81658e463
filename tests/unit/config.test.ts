import { describe, expect, it } from "vitest";
import { demoAtPublicAddress, listenOriginOf, loadConfig } from "../../app/server/config.server.ts";
import { DEFAULT_RETENTION } from "../../app/models/retention.server.ts";
import { processPart, servesInOneProcess } from "../../app/server/supervisor.server.ts";

/** A SECRET_KEY as `openssl rand -base64 32` makes one. */
const KEY = Buffer.alloc(32, 9).toString("base64");

describe("the contact and retention settings", () => {
  it("default to the example contact and the documented periods, and production warns about the example address", () => {
    const config = loadConfig({});
    expect(config.app.service).toEqual({ name: "Programma Geweld hoort nergens thuis", email: "zelfscan@example.nl", phone: null });
    expect(config.app.retention).toEqual(DEFAULT_RETENTION);
    expect(loadConfig({ NODE_ENV: "production", APP_ORIGIN: "https://zelfscan.example.nl", SECRET_KEY: KEY }).warnings.join(" ")).toContain(
      "SERVICE_EMAIL is niet gezet",
    );
  });

  it("take the configured values, and refuse wrong ones with the variable's name", () => {
    const config = loadConfig({
      SERVICE_NAME: "Gemeente Voorbeeld",
      SERVICE_EMAIL: "zelfscan@voorbeeld.nl",
      SERVICE_PHONE: "070 123 45 67",
      RETENTION_OUTBOX_DAYS: "60",
    });
    expect(config.app.service).toEqual({ name: "Gemeente Voorbeeld", email: "zelfscan@voorbeeld.nl", phone: "070 123 45 67" });
    expect(config.app.retention.outboxDays).toBe(60);
    expect(() => loadConfig({ SERVICE_EMAIL: "geen-adres" })).toThrow(/SERVICE_EMAIL/);
    expect(() => loadConfig({ RETENTION_THROTTLE_HOURS: "1" })).toThrow(/RETENTION_THROTTLE_HOURS/);
  });
});

describe("safe defaults for a real deployment (issue 23)", () => {
  it("gives a new database the demo only on a local installation, unless SEED_DEMO says otherwise", () => {
    expect(loadConfig({}).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: "production" }).seedDemo).toBe(true);
    expect(loadConfig({ APP_ORIGIN: "http://localhost:3000" }).seedDemo).toBe(true);
    expect(loadConfig({ APP_ORIGIN: "https://zelfscan.gemeente.nl" }).seedDemo).toBe(false);
    expect(loadConfig({ HOST: "0.0.0.0" }).seedDemo).toBe(false);
    expect(loadConfig({ APP_ORIGIN: "https://zelfscan.gemeente.nl", SEED_DEMO: "true" })).toMatchObject({ seedDemo: true, seedDemoExplicit: true });
    expect(loadConfig({ SEED_DEMO: "false" })).toMatchObject({ seedDemo: false, seedDemoExplicit: false });
  });

  it("refuses production with demo accounts at a public address, naming the variables; a local or explicit demo starts", () => {
    const publicSite = loadConfig({ NODE_ENV: "production", APP_ORIGIN: "https://zelfscan.gemeente.nl", HOST: "0.0.0.0", SECRET_KEY: KEY });
    expect(demoAtPublicAddress(publicSite, true)).toMatch(
      /demo-accounts.*APP_ORIGIN is het publieke adres https:\/\/zelfscan\.gemeente\.nl[\s\S]*SEED_DEMO=false[\s\S]*SEED_DEMO=true/,
    );
    expect(demoAtPublicAddress(publicSite, false)).toBeNull();
    expect(demoAtPublicAddress(loadConfig({ NODE_ENV: "production", HOST: "0.0.0.0", SECRET_KEY: KEY }), true)).toContain("HOST=0.0.0.0");
    expect(demoAtPublicAddress(loadConfig({ NODE_ENV: "production" }), true)).toBeNull();
    expect(
      demoAtPublicAddress(loadConfig({ NODE_ENV: "production", APP_ORIGIN: "https://demo.gemeente.nl", SEED_DEMO: "true", SECRET_KEY: KEY }), true),
    ).toBeNull();
    expect(demoAtPublicAddress(loadConfig({ APP_ORIGIN: "https://zelfscan.gemeente.nl" }), true)).toBeNull(); // development
  });

  it("warns when mail is sent without a sender of its own, and takes the busy timeout", () => {
    expect(loadConfig({ SMTP_URL: "smtp://127.0.0.1:25" }).warnings.join(" ")).toContain("MAIL_FROM is niet gezet");
    expect(loadConfig({ SMTP_URL: "smtp://127.0.0.1:25", MAIL_FROM: "Zelfscan <noreply@gemeente.nl>" }).warnings.join(" ")).not.toContain("MAIL_FROM");
    expect(loadConfig({}).busyTimeoutMs).toBe(5000);
    expect(loadConfig({ DATABASE_BUSY_TIMEOUT_MS: "250" }).busyTimeoutMs).toBe(250);
    expect(() => loadConfig({ DATABASE_BUSY_TIMEOUT_MS: "10" })).toThrow(/DATABASE_BUSY_TIMEOUT_MS/);
  });

  it("hashes new passwords at OWASP's cost unless PASSWORD_HASH_COST says otherwise, and warns in production when it is lower", () => {
    expect(loadConfig({}).app.passwordHashCost).toBe(2 ** 17);
    expect(loadConfig({ PASSWORD_HASH_COST: "1024" }).app.passwordHashCost).toBe(1024);
    expect(loadConfig({ NODE_ENV: "production", PASSWORD_HASH_COST: "1024" }).warnings.join(" ")).toContain("PASSWORD_HASH_COST is 1024");
    expect(() => loadConfig({ PASSWORD_HASH_COST: "3000" })).toThrow(/macht van 2/);
  });
});

describe("the second factor's settings (issue 29, decision 90)", () => {
  it("requires SECRET_KEY in production at a public address; refuses a key of the wrong length", () => {
    expect(() => loadConfig({ NODE_ENV: "production", APP_ORIGIN: "https://zelfscan.gemeente.nl" })).toThrow(
      /SECRET_KEY: ontbreekt[\s\S]*openssl rand -base64 32/,
    );
    expect(() => loadConfig({ SECRET_KEY: "te-kort" })).toThrow(/SECRET_KEY moet 32 willekeurige bytes zijn/);
    expect(loadConfig({ SECRET_KEY: "ab".repeat(32) }).app.secretKey).toEqual(Buffer.alloc(32, 0xab));
    expect(loadConfig({ SECRET_KEY: KEY }).app.secretKey).toEqual(Buffer.alloc(32, 9));
    // A local installation works without one (a fixed development key).
    expect(loadConfig({ NODE_ENV: "production" }).app.secretKey).toHaveLength(32);
  });

  it("asks programma and regio for a second factor at a public address, no one locally or in an explicit demo, unless configured", () => {
    const roles = (env: Record<string, string>) => loadConfig({ SECRET_KEY: KEY, ...env }).app.secondFactorRoles;
    expect(roles({ NODE_ENV: "production", APP_ORIGIN: "https://zelfscan.gemeente.nl" })).toEqual(["programma", "regio"]);
    expect(roles({ NODE_ENV: "production" })).toEqual([]);
    expect(roles({ NODE_ENV: "production", APP_ORIGIN: "https://demo.gemeente.nl", SEED_DEMO: "true" })).toEqual([]);
    expect(roles({ SECOND_FACTOR_ROLES: "programma, regio, gemeente" })).toEqual(["programma", "regio", "gemeente"]);
    expect(roles({ NODE_ENV: "production", APP_ORIGIN: "https://zelfscan.gemeente.nl", SECOND_FACTOR_ROLES: "geen" })).toEqual([]);
    expect(() => roles({ SECOND_FACTOR_ROLES: "programma,beheerder" })).toThrow(/SECOND_FACTOR_ROLES kent beheerder niet/);
  });
});

describe("one process or a supervisor (decision 94)", () => {
  it("the supervisor's quick reading of the environment agrees with the settings on whether one process serves", () => {
    const cases: Record<string, string>[] = [
      {},
      { WEB_CONCURRENCY: "4" },
      { NODE_ENV: "production" },
      { NODE_ENV: "production", WEB_CONCURRENCY: "1" },
      { NODE_ENV: "production", WEB_CONCURRENCY: "2" },
      { NODE_ENV: "production", WEB_CONCURRENCY: "16" },
      { NODE_ENV: "development", WEB_CONCURRENCY: "3" },
    ];
    for (const env of cases) expect(servesInOneProcess(env), JSON.stringify(env)).toBe(loadConfig(env).workers === 1);
  });

  it("a child is told its part; anything else serves", () => {
    expect(processPart({ WAV_PROCESS_PART: "prepare" })).toBe("prepare");
    expect(processPart({ WAV_PROCESS_PART: "serve-and-jobs" })).toBe("serve-and-jobs");
    expect(processPart({ WAV_PROCESS_PART: "iets anders" })).toBe("serve");
    expect(processPart({})).toBe("serve");
  });
});

describe("where the server says it runs", () => {
  it("names an address a browser on this machine can open, for every host it may listen on", () => {
    expect(listenOriginOf("127.0.0.1", 3000)).toBe("http://localhost:3000");
    expect(listenOriginOf("0.0.0.0", 8080)).toBe("http://localhost:8080");
    expect(listenOriginOf("::", 3000)).toBe("http://localhost:3000");
    expect(listenOriginOf("::1", 3000)).toBe("http://localhost:3000");
    expect(listenOriginOf("fd00::7", 3000)).toBe("http://[fd00::7]:3000");
    expect(listenOriginOf("zelfscan.intern", 3000)).toBe("http://zelfscan.intern:3000");
  });

  it("is the origin mail links use when APP_ORIGIN is not set", () => {
    const settings = loadConfig({ HOST: "0.0.0.0", PORT: "4100" });
    expect(settings.listenOrigin).toBe("http://localhost:4100");
    expect(settings.app.publicOrigin).toBe(settings.listenOrigin);
  });
});
