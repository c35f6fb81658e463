import { Agent, request } from "node:http";

/**
 * Latency at a fixed arrival rate, open loop: request i is due at start + i/rate whether or not
 * earlier ones have been answered, each on a free keep-alive socket (a new one when all are busy),
 * and its latency counts from when it was due, not from when it was sent. A slow server therefore
 * shows as slow instead of quietly lowering the rate (no coordinated omission).
 *
 * autocannon, used for throughput, cannot do this: its rate limit lets each connection send its
 * quota for the second at the start of the second, so "100 requests/s" arrives as one burst of 100
 * and the latency measured is that of a queue.
 */

/**
 * What a browser sends with every request: the benchmark asks for compressed answers as a browser does
 * (decision 89). BENCH_ACCEPT_ENCODING=identity measures the same without compression, for comparison.
 */
export const BROWSER_HEADERS: Record<string, string> = { "accept-encoding": process.env.BENCH_ACCEPT_ENCODING ?? "gzip, deflate, br" };

export interface OpenLoopRequest {
  method: "GET" | "POST";
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The address to send from (any 127.x.y.z reaches a server on 127.0.0.1): readers from many addresses. */
  localAddress?: string;
  /** Told the status of the answer (a draft save follows its revision). */
  onStatus?: (status: number) => void;
}

export interface OpenLoopResult {
  sent: number;
  /** Answers other than 2xx/3xx, and failed connections. */
  errors: number;
  /** The errors by status ("0" for a failed connection). */
  errorStatuses: Record<string, number>;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** How late the generator itself sent its latest request (ms): a check on the measurement. */
  maxSendLag: number;
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `bases`: one server, or several instances of it that take the requests in turn (as a proxy would spread them). */
export async function openLoop(bases: string | string[], next: () => OpenLoopRequest, options: { rate: number; seconds: number }): Promise<OpenLoopResult> {
  const urls = (Array.isArray(bases) ? bases : [bases]).map((base) => new URL(base));
  let sent = 0;
  const agent = new Agent({ keepAlive: true, maxSockets: Infinity });
  const interval = 1000 / options.rate;
  const total = Math.round(options.rate * options.seconds);
  const latencies: number[] = [];
  let errors = 0;
  const errorStatuses: Record<string, number> = {};
  const fail = (status: number) => {
    errors++;
    errorStatuses[status] = (errorStatuses[status] ?? 0) + 1;
  };
  let maxSendLag = 0;
  const inFlight: Promise<void>[] = [];

  const fire = (due: number) => {
    const spec = next();
    const url = urls[sent++ % urls.length]!;
    maxSendLag = Math.max(maxSendLag, performance.now() - due);
    inFlight.push(
      new Promise<void>((resolve) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            method: spec.method,
            path: spec.path,
            localAddress: spec.localAddress,
            agent,
            headers: { ...BROWSER_HEADERS, ...spec.headers, ...(spec.body ? { "content-length": String(Buffer.byteLength(spec.body)) } : {}) },
          },
          (res) => {
            res.resume();
            res.on("end", () => {
              latencies.push(performance.now() - due);
              const status = res.statusCode ?? 0;
              if (status < 200 || status >= 400) fail(status);
              spec.onStatus?.(status);
              resolve();
            });
          },
        );
        req.on("error", () => {
          fail(0);
          resolve();
        });
        req.end(spec.body);
      }),
    );
  };

  const start = performance.now();
  await new Promise<void>((done) => {
    let i = 0;
    const tick = () => {
      // Send everything that is due (a late timer sends the missed ones at once, each timed from when it was due).
      while (i < total && performance.now() >= start + i * interval) fire(start + i++ * interval);
      if (i >= total) return done();
      setTimeout(tick, Math.max(0, start + i * interval - performance.now()));
    };
    tick();
  });
  await Promise.all(inFlight);
  agent.destroy();
  const sorted = latencies.sort((a, b) => a - b);
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    sent: total,
    errors,
    errorStatuses,
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1] ?? NaN),
    maxSendLag: round(maxSendLag),
  };
}
