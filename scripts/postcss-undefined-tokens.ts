import type { Plugin, Root } from "postcss";
import valueParser from "postcss-value-parser";

/**
 * The NL Design System's component CSS reads each property through a chain of tokens, most specific first:
 * `var(--utrecht-button-primary-action-hover-background-color, var(--utrecht-button-hover-background-color, …))`.
 * A theme defines a few of them; the others always fall through. This plugin, run in the build after PurgeCSS
 * (decision 89), replaces `var(--token, fallback)` by `fallback` where no rule of the finished stylesheet defines
 * `--token`: nothing could ever give it a value (the product sets no custom property from its markup or scripts),
 * so what the browser computes does not change. It removed about 8 KB (12%) of the stylesheet.
 * A `var()` without a fallback is left as it is: replacing it would change what the browser does.
 */
export function dropUndefinedTokens(): Plugin {
  return {
    postcssPlugin: "drop-undefined-tokens",
    OnceExit(root: Root) {
      const defined = new Set<string>();
      root.walkDecls((decl) => {
        if (decl.prop.startsWith("--")) defined.add(decl.prop);
      });
      root.walkDecls((decl) => {
        // A fallback may itself be a chain over undefined tokens: replace until nothing changes.
        for (let value = decl.value; value.includes("var("); value = decl.value) {
          decl.value = withoutUndefinedTokens(value, defined);
          if (decl.value === value) break;
        }
      });
    },
  };
}

function withoutUndefinedTokens(text: string, defined: ReadonlySet<string>): string {
  const value = valueParser(text);
  value.walk((node) => {
    const fallback = undefinedTokenFallback(node, defined);
    if (fallback === undefined) return;
    // The var() node becomes its fallback's text; a var() inside that is handled by the next round.
    Object.assign(node, { type: "word", value: fallback, nodes: undefined });
    return false;
  });
  return value.toString();
}

/** The fallback text of `var(--undefined-token, fallback)`, or undefined when the node is anything else. */
function undefinedTokenFallback(node: valueParser.Node, defined: ReadonlySet<string>): string | undefined {
  if (node.type !== "function" || node.value !== "var") return undefined;
  const [name, comma, ...rest] = node.nodes;
  if (name?.type !== "word" || defined.has(name.value) || comma?.type !== "div" || comma.value !== ",") return undefined;
  const fallback = valueParser.stringify(rest).trim();
  // `var(--token,)` falls back to nothing, which is not a value a declaration can have on its own.
  return fallback === "" ? undefined : fallback;
}
