import { useFetcher, useFetchers, useLocation } from "@remix-run/react";
import { useEffect, useState } from "react";

const WARN_BEFORE_MS = 5 * 60_000;

/**
 * Warns a few minutes before the session ends for inactivity, with a button to stay logged in. Each
 * page view and each save (autosave included) counts as activity, as it does on the server.
 */
export function SessionWarning({ idleMinutes }: { idleMinutes: number }) {
  const location = useLocation();
  const fetchers = useFetchers();
  const keepAlive = useFetcher();
  const [lastActivity, setLastActivity] = useState(() => Date.now());
  const [state, setState] = useState<"active" | "warning" | "expired">("active");
  const activity = `${location.key}|${fetchers.map((f) => f.state).join(",")}|${keepAlive.state}`;

  useEffect(() => {
    setLastActivity(Date.now());
    setState("active");
  }, [activity]);

  useEffect(() => {
    const idle = idleMinutes * 60_000;
    const warnIn = Math.max(idle - WARN_BEFORE_MS, idle / 2);
    const warn = setTimeout(() => setState("warning"), warnIn);
    const expire = setTimeout(() => setState("expired"), idle);
    return () => {
      clearTimeout(warn);
      clearTimeout(expire);
    };
  }, [lastActivity, idleMinutes]);

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
      ) : (
        <p>
          <strong>Uw sessie is verlopen.</strong> Wat u nu verstuurt, wordt bewaard: na opnieuw inloggen staat het weer voor u klaar.
        </p>
      )}
    </div>
  );
}
