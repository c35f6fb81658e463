import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Decision 93: the first visit (the login page, a team's start page, a section page) loads no zod; the section
// form loads its check when it first validates. Read from the production build's manifest, so an import that
// drags zod back into these pages (a component taking a constant from a module that builds schemas) fails here
// rather than only in the benchmark's transfer figures.

const ASSETS = "build/client/assets";

function manifest(): { routes: Record<string, { module: string; imports?: string[] }> } {
  const file = readdirSync(ASSETS).find((f) => /^manifest-.*\.js$/.test(f))!;
  const text = readFileSync(`${ASSETS}/${file}`, "utf8");
  return JSON.parse(text.slice(text.indexOf("{"), text.lastIndexOf("}") + 1));
}

/** The build's chunks that hold zod (its core names every schema's internals `_zod`). */
const zodChunks = () => readdirSync(ASSETS).filter((f) => f.endsWith(".js") && readFileSync(`${ASSETS}/${f}`, "utf8").includes("_zod"));

const loadedWith = (route: { module: string; imports?: string[] }) => [route.module, ...(route.imports ?? [])].map((f) => f.replace("/assets/", ""));

describe("the first visit's scripts", () => {
  it("hold no zod on the root, the login page, the team's start page or a section page", () => {
    const { routes } = manifest();
    const zod = zodChunks();
    expect(zod.length).toBeGreaterThan(0); // zod is in the build, for the pages that check as the user types
    for (const id of ["root", "routes/login", "routes/teams.$teamId._index", "routes/vragenlijsten.$responseId.onderdelen.$sectionKey"]) {
      expect(
        loadedWith(routes[id]!).filter((f) => zod.includes(f)),
        id,
      ).toEqual([]);
    }
    // The accounts page checks as the user types: it loads zod with the page (the test above can find it).
    expect(loadedWith(routes["routes/beheer.accounts"]!).some((f) => zod.includes(f))).toBe(true);
  });

  it("the section form loads its check by a dynamic import, and that chunk brings zod", () => {
    const { routes } = manifest();
    const validation = readdirSync(ASSETS).find((f) => /^section-validation-.*\.js$/.test(f))!;
    expect(validation).toBeDefined();
    const sectionFiles = loadedWith(routes["routes/vragenlijsten.$responseId.onderdelen.$sectionKey"]!);
    expect(sectionFiles).not.toContain(validation);
    expect(sectionFiles.some((f) => readFileSync(`${ASSETS}/${f}`, "utf8").includes(validation))).toBe(true);
    const imports = [...readFileSync(`${ASSETS}/${validation}`, "utf8").matchAll(/from"\.\/([^"]+\.js)"/g)].map((m) => m[1]);
    expect(imports.some((f) => zodChunks().includes(f!))).toBe(true);
  });
});
