import { readFileSync } from "node:fs";
import { parse } from "csv-parse/sync";
import type { DB } from "../db/client.ts";
import { insertMunicipality, insertRegion } from "./factories.ts";
import { inTransaction } from "../db/transaction.ts";

// Reference data: the 28 GHNT regions and 342 municipalities (CBS codes), from seeds/gemeenten.csv
// (docs/sources.md says where it comes from). Separate from the demo data, and needed by every deployment.

export const GEMEENTEN_CSV = new URL("./gemeenten.csv", import.meta.url);

interface GemeenteRow {
  cbs_code: string;
  gemeente: string;
  regio: string;
}

export function readGemeenten(): GemeenteRow[] {
  return parse(readFileSync(GEMEENTEN_CSV, "utf8"), { columns: true, skip_empty_lines: true, trim: true });
}

export async function seedReferenceData(db: DB): Promise<{ regions: number; municipalities: number }> {
  const rows = readGemeenten();
  return inTransaction(db, async (trx) => {
    const regionIds = new Map<string, number>();
    for (const name of [...new Set(rows.map((r) => r.regio))].sort((a, b) => a.localeCompare(b, "nl"))) {
      regionIds.set(name, await insertRegion(trx, { name }));
    }
    for (const row of rows) {
      await insertMunicipality(trx, { regionId: regionIds.get(row.regio)!, name: row.gemeente, cbsCode: row.cbs_code });
    }
    return { regions: regionIds.size, municipalities: rows.length };
  });
}
