import postcss from "postcss";
import { describe, expect, it } from "vitest";
import { dropUndefinedTokens } from "../../scripts/postcss-undefined-tokens";

async function built(css: string): Promise<string> {
  return (await postcss([dropUndefinedTokens()]).process(css, { from: undefined })).css;
}

describe("the build's token chains (scripts/postcss-undefined-tokens.ts)", () => {
  it("lets a chain over tokens nobody defines fall through to the first one that is defined", async () => {
    const css = await built(`
      .theme { --button-background-color: navy; }
      .button { background-color: var(--button-primary-hover-background-color, var(--button-hover-background-color, var(--button-background-color, grey))); }`);
    expect(css).toContain("background-color: var(--button-background-color, grey);");
  });

  it("keeps a token a theme defines, wherever in the stylesheet it is defined", async () => {
    const css = await built(`
      .button { color: var(--button-color, black); }
      .theme { --button-color: white; }`);
    expect(css).toContain("color: var(--button-color, black);");
  });

  it("replaces a chain of undefined tokens by its last fallback, also inside other functions and in tokens", async () => {
    const css = await built(`
      .field { border: var(--field-border-width, 1px) solid var(--field-border-color, var(--border-color, #000)); }
      .theme { --shadow: 0 0 calc(var(--shadow-size, 2px) * 2) black; }`);
    expect(css).toContain("border: 1px solid #000;");
    expect(css).toContain("--shadow: 0 0 calc(2px * 2) black;");
  });

  it("leaves a token without a fallback, and an empty fallback, as they are: replacing them would change the page", async () => {
    const css = await built(`.field { color: var(--field-color); margin: var(--field-margin,); }`);
    expect(css).toContain("color: var(--field-color);");
    expect(css).toContain("margin: var(--field-margin,);");
  });
});
