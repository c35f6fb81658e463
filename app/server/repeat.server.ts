// A job the first process runs by itself (the retention cleanup, the automatic reminder): soon after start,
// then at a fixed interval. A failure is logged and the job tried again at its next turn; it never stops the
// server. The timers do not keep the process alive, and stop() ends them on shutdown.

export function repeat(job: () => Promise<void>, timing: { firstAfterMs: number; everyMs: number }) {
  const run = () => void job();
  const first = setTimeout(run, timing.firstAfterMs);
  const timer = setInterval(run, timing.everyMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
