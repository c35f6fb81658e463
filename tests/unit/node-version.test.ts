import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REQUIRED_NODE_MAJOR, unsupportedNodeMessage } from "../../app/server/node-version.ts";

describe("the Node.js line the product runs on", () => {
  it("refuses an older Node with a Dutch message that says what to install, and accepts the line and later ones", () => {
    expect(unsupportedNodeMessage("20.20.2")).toMatch(/^Start afgebroken: .*Node\.js 26 of nieuwer; dit is Node\.js 20\.20\.2.*npm install -g node@26/);
    expect(unsupportedNodeMessage("24.21.0")).toContain("dit is Node.js 24.21.0");
    expect(unsupportedNodeMessage("26.0.0")).toBeNull();
    expect(unsupportedNodeMessage("28.1.0")).toBeNull();
  });

  it("is the same in .nvmrc, package.json's engines and the start-up check, and is the Node running the tests", () => {
    const engines = (JSON.parse(readFileSync("package.json", "utf8")) as { engines: { node: string } }).engines.node;
    expect(readFileSync(".nvmrc", "utf8").trim()).toBe(String(REQUIRED_NODE_MAJOR));
    expect(engines).toBe(`>=${REQUIRED_NODE_MAJOR}`);
    expect(Number(process.versions.node.split(".")[0])).toBeGreaterThanOrEqual(REQUIRED_NODE_MAJOR);
  });
});
