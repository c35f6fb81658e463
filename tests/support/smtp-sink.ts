import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SMTPServer } from "smtp-server";

/** A message the sink received: who it was for and its raw text (headers and body). */
export interface ReceivedMail {
  to: string[];
  raw: string;
  /** The body as its reader sees it (quoted-printable decoded). */
  text: string;
}

/** The body of a plain-text message, decoded from quoted-printable where the message says so. */
function bodyText(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const headers = raw.slice(0, split);
  const body = raw.slice(split + 4);
  if (!/content-transfer-encoding:\s*quoted-printable/i.test(headers)) return body;
  const bytes = body.replace(/=\r\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, "latin1").toString("utf8");
}

/**
 * A real SMTP server on 127.0.0.1 that keeps every message it receives, for tests of what the product
 * actually sends (nodemailer talking SMTP to it, as to a mail server). With `dir`, each message is also
 * written there as a numbered JSON file (a mailbox that test files in other processes can read; see
 * mailReceivedBy). Stop it with close().
 */
export async function startSmtpSink(options: { dir?: string } = {}): Promise<{ url: string; received: ReceivedMail[]; close: () => Promise<void> }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), raw, text: bodyText(raw) };
        received.push(mail);
        if (options.dir) writeFileSync(join(options.dir, `${String(received.length).padStart(6, "0")}.json`), JSON.stringify(mail));
        done();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `smtp://127.0.0.1:${port}`, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** The messages a sink with `dir` received for this address, oldest first. */
export function mailReceivedBy(dir: string, recipient: string): ReceivedMail[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(dir, name), "utf8")) as ReceivedMail)
    .filter((mail) => mail.to.includes(recipient));
}
