import { join } from "node:path";

export const TEMPLATE_DIR = join(process.cwd(), "tests/.tmp");
/** Migrated, questionnaires registered, 28 regions and 342 municipalities; no demo data. */
export const TEMPLATE_EMPTY = join(TEMPLATE_DIR, "template-empty.db");
/** As above, plus the demo data that `npm start` seeds. */
export const TEMPLATE_DEMO = join(TEMPLATE_DIR, "template-demo.db");
