import { describe, expect, it } from "vitest";
import { loadConfig } from "../../app/server/config.server.ts";
import { DEFAULT_RETENTION } from "../../app/models/retention.server.ts";

describe("the contact and retention settings", () => {
  it("default to the example contact and the documented periods, and production warns about the example address", () => {
    const config = loadConfig({});
    expect(config.app.service).toEqual({ name: "Programma Geweld hoort nergens thuis", email: "zelfscan@example.nl", phone: null });
    expect(config.app.retention).toEqual(DEFAULT_RETENTION);
    expect(loadConfig({ NODE_ENV: "production", APP_ORIGIN: "https://zelfscan.example.nl" }).warnings.join(" ")).toContain("SERVICE_EMAIL is niet gezet");
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
