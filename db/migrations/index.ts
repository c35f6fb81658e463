import type { Migration } from "kysely/migration";
import * as m0001 from "./0001-init.ts";
import * as m0002 from "./0002-phases-review-plans.ts";
import * as m0003 from "./0003-round-kind.ts";
import * as m0004 from "./0004-login-throttle.ts";
import * as m0005 from "./0005-audit-accounts.ts";
import * as m0006 from "./0006-password-reset.ts";
import * as m0007 from "./0007-round-versions-notifications.ts";
import * as m0008 from "./0008-round-table-input.ts";
import * as m0009 from "./0009-outbox-claim.ts";
import * as m0010 from "./0010-safe-demo-and-outbox.ts";
import * as m0011 from "./0011-professionals-and-veilig-thuis.ts";
import * as m0012 from "./0012-review-notes.ts";
import * as m0013 from "./0013-notification-read.ts";
import * as m0014 from "./0014-zelfscan-reminders.ts";
import * as m0015 from "./0015-second-factor.ts";
import * as m0016 from "./0016-identity-providers.ts";
import * as m0017 from "./0017-passkeys.ts";
import * as m0018 from "./0018-publications.ts";
import * as m0019 from "./0019-lookup-indexes.ts";

// Listed in code: Vite's server bundle cannot scan a folder at run time. Append, never reorder.
export const migrations: Record<string, Migration> = {
  "0001-init": m0001,
  "0002-phases-review-plans": m0002,
  "0003-round-kind": m0003,
  "0004-login-throttle": m0004,
  "0005-audit-accounts": m0005,
  "0006-password-reset": m0006,
  "0007-round-versions-notifications": m0007,
  "0008-round-table-input": m0008,
  "0009-outbox-claim": m0009,
  "0010-safe-demo-and-outbox": m0010,
  "0011-professionals-and-veilig-thuis": m0011,
  "0012-review-notes": m0012,
  "0013-notification-read": m0013,
  "0014-zelfscan-reminders": m0014,
  "0015-second-factor": m0015,
  "0016-identity-providers": m0016,
  "0017-passkeys": m0017,
  "0018-publications": m0018,
  "0019-lookup-indexes": m0019,
};
