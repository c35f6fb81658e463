import { join } from "node:path";

export const TEMPLATE_DIR = join(process.cwd(), "tests/.tmp");
/** Migrated, questionnaires registered, 28 regions and 342 municipalities; no demo data. */
export const TEMPLATE_EMPTY = join(TEMPLATE_DIR, "template-empty.db");
/** As above, plus the demo data that `npm start` seeds. */
export const TEMPLATE_DEMO = join(TEMPLATE_DIR, "template-demo.db");

/** Set for a run on PostgreSQL (`TEST_DATABASE=postgres`): the directory of the test server's socket. */
export const POSTGRES_SOCKET_ENV = "WAV_TEST_POSTGRES_SOCKET";
export const onPostgres = () => process.env.TEST_DATABASE === "postgres";
export const TEMPLATE_EMPTY_PG = "wav_template_empty";
export const TEMPLATE_DEMO_PG = "wav_template_demo";
