import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * A PostgreSQL server of its own for a test run: Debian's binaries, a cluster made with initdb in a
 * temporary directory, listening on a Unix socket in that directory only (no TCP port), trust
 * authentication for the local superuser. Run as the `postgres` user when this process is root
 * (PostgreSQL refuses to run as root). The C locale sorts text by bytes, as SQLite does.
 */
export interface PostgresServer {
  /** A URL for one database of the server. */
  url(database: string): string;
  /** psql on the server's `postgres` database: for create and drop database, synchronously. */
  psql(sql: string): string;
  /** The server's first process (the postmaster; its backends are its children), for the benchmark's CPU count. */
  postmasterPid(): number;
  stop(): void;
}

export function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, "bin", "initdb"))) : [];
  if (!versions.length) throw new Error("PostgreSQL is not installed (apt-get install postgresql); .ci/run installs it.");
  return join(root, versions.sort((a, b) => Number(b) - Number(a))[0]!, "bin");
}

const asRoot = process.getuid?.() === 0;
/** Runs a PostgreSQL program as the postgres user when we are root. */
function run(program: string, args: string[]) {
  const [command, argv] = asRoot ? ["runuser", ["-u", "postgres", "--", program, ...args]] : [program, args];
  const result = spawnSync(command, argv, { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`${program} ${args.join(" ")} failed:\n${result.stdout}${result.stderr}`);
  return result.stdout;
}

/** psql as the superuser on the `postgres` database of the server whose socket is in `socketDir`. */
export function psql(socketDir: string, sql: string): string {
  return execFileSync(join(postgresBin(), "psql"), ["-h", socketDir, "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql], {
    encoding: "utf8",
  });
}

/**
 * `durable`: commits reach the disk before they are acknowledged, as in production (the benchmark, to
 * compare with SQLite's synchronous=FULL); tests run without, since their data is thrown away.
 */
export function startPostgres(options: { durable?: boolean } = {}): PostgresServer {
  const bin = postgresBin();
  const dir = mkdtempSync(join(tmpdir(), "wav-pg-"));
  chmodSync(dir, 0o755);
  const data = join(dir, "data");
  if (asRoot)
    chownSync(dir, Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" })), Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" })));
  run(join(bin, "initdb"), ["-D", data, "--auth=trust", "--username=postgres", "--encoding=UTF8", "--locale=C", "--no-sync"]);
  // fsync off for tests: a test server's data is thrown away; durability is tested on SQLite and by PostgreSQL itself.
  const durability = options.durable ? "" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off";
  run(join(bin, "pg_ctl"), [
    "-D",
    data,
    "-l",
    join(dir, "server.log"),
    "-w",
    "-o",
    `-c listen_addresses='' -k ${dir}${durability} -c max_connections=300`,
    "start",
  ]);
  return {
    url: (database) => `postgres://postgres@localhost/${database}?host=${dir}`,
    psql: (sql) => psql(dir, sql),
    postmasterPid: () => Number(readFileSync(join(data, "postmaster.pid"), "utf8").split("\n")[0]),
    stop() {
      try {
        run(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
