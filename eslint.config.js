// ESLint: typescript-eslint's recommended rules, React's rules of hooks, and jsx-a11y (accessibility
// mistakes in JSX), with Prettier owning the layout (eslint-config-prettier turns layout rules off).
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import jsxA11y from "eslint-plugin-jsx-a11y";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "node_modules/", "data/", "backups/", "tests/.tmp/", "public/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx,js}"],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true }],
      // Tests and the benchmark read loosely typed results (loader data, CSV rows).
      "@typescript-eslint/no-explicit-any": "off",
      "no-control-regex": "off",
    },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    // The two rules of hooks; the React Compiler's rules (also in the plugin) are for code the compiler
    // memoizes, which this app does not use.
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...jsxA11y.flatConfigs.recommended.rules,
      // A wide table sits in a labelled scroll region that keyboard users can focus and scroll (WCAG 1.4.10, 2.1.1).
      "jsx-a11y/no-noninteractive-tabindex": ["error", { roles: ["region"], tags: [] }],
    },
  },
  {
    // One way into a transaction (db/transaction.ts), so that what must follow a commit (waking the
    // outbox sender) is registered by the code that wrote and runs only after the commit.
    files: ["app/**/*.{ts,tsx}", "seeds/**/*.ts", "scripts/**/*.ts", "server.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.property.name='execute'][callee.object.callee.property.name='transaction']",
          message: "Use inTransaction(db, work) from db/transaction.ts: what must follow a commit runs only after it.",
        },
      ],
    },
  },
  {
    // Migrations are written against an untyped Kysely (they never import app types).
    files: ["db/migrations/**/*.ts"],
    rules: { "@typescript-eslint/no-explicit-any": "off" },
  },
  prettier,
);
