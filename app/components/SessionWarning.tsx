import { useFetcher, useFetchers, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";

const WARN_BEFORE_MS = 5 * 60_000;

const clock = (iso: string) => new Date(iso).toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit", timeZone: "Europe/Amsterdam" });

/**
 * Warns a few minutes before the session ends, with a button to stay logged in when the end is for
 * inactivity. Each page view and each save (autosave included) counts as activity, as it does on the
 * server. A session also ends at a fixed time after logging in (absoluteEnd), which no activity moves:
 * then the warning says when, and that what is saved stays.
 */
export function SessionWarning({ idleMinutes, absoluteEnd }: { idleMinutes: number; absoluteEnd: string | null }) {
  const location = useLocation();
  const fetchers = useFetchers();
  const keepAlive = useFetcher();
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const [state, setState] = useState<"active" | "warning" | "ending" | "expired">("active");
  const activity = `${location.key}|${fetchers.map((f) => f.state).join(",")}|${keepAlive.state}`;

  useEffect(() => {
    setLastActivity(Date.now());
    setState("active");
  }, [activity]);

  useEffect(() => {
    const idle = idleMinutes * 60_000;
    const untilAbsolute = absoluteEnd ? Date.parse(absoluteEnd) - Date.now() : Infinity;
    const absoluteFirst = untilAbsolute <= idle;
    const ends = Math.max(0, Math.min(idle, untilAbsolute));
    const warnIn = Math.max(ends - WARN_BEFORE_MS, absoluteFirst ? 0 : idle / 2);
    const warn = setTimeout(() => setState(absoluteFirst ? "ending" : "warning"), warnIn);
    const expire = setTimeout(() => setState("expired"), ends);
    return () => {
      clearTimeout(warn);
      clearTimeout(expire);
    };
  }, [lastActivity, idleMinutes, absoluteEnd]);

  if (state === "active") return null;
  return (
    <div className="notice notice--warn session-warning" role="alert">
      {state === "warning" ? (
        <>
          <p>
            <strong>U wordt bijna uitgelogd.</strong> Uw sessie verloopt over enkele minuten omdat er geen activiteit was. Wat u hebt opgeslagen blijft bewaard.
          </p>
          <button type="button" className="utrecht-button utrecht-button--primary-action" onClick={() => keepAlive.load("/sessie")}>
            Ingelogd blijven
          </button>
        </>
      ) : state === "ending" && absoluteEnd ? (
        <p>
          <strong>U wordt om {clock(absoluteEnd)} uitgelogd.</strong> Een sessie duurt hoogstens een vast aantal uren. Sla uw werk op; daarna logt u opnieuw in
          en gaat u verder waar u was.
        </p>
      ) : (
        <p>
          <strong>Uw sessie is verlopen.</strong> Antwoorden in een vragenlijst die u nu verstuurt, worden bewaard: na opnieuw inloggen staan ze weer voor u
          klaar.
        </p>
      )}
    </div>
  );
}
