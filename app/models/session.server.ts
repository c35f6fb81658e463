import type { DB } from "../../db/client.ts";
import { fixedQuery } from "../../db/fixed-query.ts";

// The session lookup of every request; the rest of the session's life (start, end, expiry) is in
// app/auth/session.server.ts.

/** Built once (db/fixed-query.ts): it runs on every request of a logged-in user. */
const sessionWithUser = fixedQuery((db: DB, args: { id: string }) =>
  db
    .selectFrom("session")
    .innerJoin("user_account", "user_account.id", "session.user_id")
    .selectAll("user_account")
    .select(["session.expires_at", "session.last_seen_at", "session.created_at as session_created_at"])
    .where("session.id", "=", args.id),
);

/** The session with this token hash and its account, if there is one. */
export const findSessionWithUser = (db: DB, tokenHash: string) => sessionWithUser.executeTakeFirst(db, { id: tokenHash });
