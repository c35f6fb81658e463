import { readFileSync } from "node:fs";
import { sql } from "kysely";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openTestDatabase, type TestContext } from "../support/db.ts";
import { onPostgres } from "../support/paths.ts";

/**
 * db/schema.ts is written by hand for Kysely's types; the migrations make the real tables. This test
 * reads both and fails when they disagree: a table or column in one but not the other, or a column
 * that may be null in one but not in the other.
 */

interface Column {
  name: string;
  nullable: boolean;
  /** Generated<...>: the database fills it when an insert leaves it out. */
  generated: boolean;
}

/** The tables of the `Database` interface and the columns of each table interface, from the source. */
function declaredTables(): Map<string, Column[]> {
  const source = ts.createSourceFile("schema.ts", readFileSync("db/schema.ts", "utf8"), ts.ScriptTarget.Latest, true);
  const interfaces = new Map<string, ts.InterfaceDeclaration>();
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node)) interfaces.set(node.name.text, node);
  });
  const tables = new Map<string, Column[]>();
  for (const member of interfaces.get("Database")!.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeReferenceNode(member.type)) continue;
    const table = (member.name as ts.Identifier).text;
    const shape = interfaces.get(member.type.typeName.getText(source))!;
    tables.set(
      table,
      shape.members.filter(ts.isPropertySignature).map((column) => {
        let type = column.type!;
        const generated = ts.isTypeReferenceNode(type) && type.typeName.getText(source) === "Generated";
        if (generated) type = (type as ts.TypeReferenceNode).typeArguments![0]!;
        const nullable = ts.isUnionTypeNode(type) && type.types.some((t) => ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword);
        return { name: (column.name as ts.Identifier).text, nullable, generated };
      }),
    );
  }
  return tables;
}

let context: TestContext;
beforeAll(() => {
  context = openTestDatabase();
});
afterAll(() => context.close());

/** The tables the migrations made (Kysely's own bookkeeping left out), with their columns. */
async function migratedTables(): Promise<Map<string, (Column & { hasDefault: boolean })[]>> {
  const tables = (await context.db.introspection.getTables()).filter((t) => !t.name.startsWith("kysely_"));
  const result = new Map<string, (Column & { hasDefault: boolean })[]>();
  for (const t of tables) {
    // SQLite lets a primary key other than INTEGER be NULL (a legacy quirk); nothing writes NULL there,
    // and PostgreSQL forbids it, so a primary key column counts as not nullable.
    const info = onPostgres() ? { rows: [] } : await sql<{ name: string; pk: number }>`pragma table_info(${sql.raw(`"${t.name}"`)})`.execute(context.db);
    const keys = new Set(info.rows.filter((c) => c.pk > 0).map((c) => c.name));
    result.set(
      t.name,
      t.columns.map((c) => ({
        name: c.name,
        nullable: c.isNullable && !keys.has(c.name),
        generated: c.isAutoIncrementing || c.hasDefaultValue,
        hasDefault: c.hasDefaultValue || c.isAutoIncrementing,
      })),
    );
  }
  return result;
}

describe("db/schema.ts matches the migrated database", () => {
  it("has the same tables", async () => {
    expect([...declaredTables().keys()].sort()).toEqual([...(await migratedTables()).keys()].sort());
  });

  it("has the same columns in every table, with the same nullability, and Generated<> only where the database fills the column", async () => {
    const migrated = await migratedTables();
    const problems: string[] = [];
    for (const [table, declared] of declaredTables()) {
      const real = migrated.get(table) ?? [];
      const realNames = real.map((c) => c.name).sort();
      const declaredNames = declared.map((c) => c.name).sort();
      if (JSON.stringify(realNames) !== JSON.stringify(declaredNames))
        problems.push(`${table}: declared ${declaredNames.join(", ")}; migrated ${realNames.join(", ")}`);
      for (const column of declared) {
        const actual = real.find((c) => c.name === column.name);
        if (!actual) continue;
        const actualNullable = actual.nullable;
        if (actualNullable !== column.nullable)
          problems.push(`${table}.${column.name}: declared ${column.nullable ? "" : "not "}nullable, migrated ${actualNullable ? "" : "not "}nullable`);
        if (column.generated && !actual.hasDefault) problems.push(`${table}.${column.name}: declared Generated<>, but the database has no default`);
        if (!column.generated && actual.hasDefault && !column.nullable)
          problems.push(`${table}.${column.name}: the database fills it, so declare it Generated<>`);
      }
    }
    expect(problems).toEqual([]);
  });
});
