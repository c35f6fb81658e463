import { useBeforeUnload, useBlocker } from "@remix-run/react";
import { useCallback, useEffect, useRef } from "react";
import type { FormValues } from "../answers.ts";

const LEAVE_QUESTION = "U heeft wijzigingen die nog niet zijn opgeslagen. Wilt u deze pagina toch verlaten? Wat niet is opgeslagen, gaat dan verloren.";
const PREFIX = "concept:";

interface Copy {
  revision: number;
  values: FormValues;
}

/**
 * A copy of what was typed but not yet saved, in this tab's sessionStorage (gone when the tab closes),
 * so a reload or a crash puts it back. It belongs to the revision it was typed on: once anything was
 * saved after it (here or elsewhere) it is thrown away rather than put over newer answers.
 */
export const draftCopy = {
  keep(path: string, copy: Copy) {
    try {
      sessionStorage.setItem(PREFIX + path, JSON.stringify(copy));
    } catch {
      // Storage full or switched off: the prompt before leaving still guards the input.
    }
  },
  take(path: string, revision: number): FormValues | null {
    try {
      const raw = sessionStorage.getItem(PREFIX + path);
      if (!raw) return null;
      const copy = JSON.parse(raw) as Copy;
      if (copy.revision === revision) return copy.values;
      sessionStorage.removeItem(PREFIX + path);
    } catch {
      // Unreadable: nothing to put back.
    }
    return null;
  },
  drop(path: string) {
    try {
      sessionStorage.removeItem(PREFIX + path);
    } catch {
      // Nothing stored.
    }
  },
  /** Drops every copy: at logging in, so the next person in this tab never sees the last one's input. */
  dropAll() {
    try {
      for (const key of Object.keys(sessionStorage)) if (key.startsWith(PREFIX)) sessionStorage.removeItem(key);
    } catch {
      // Nothing stored.
    }
  },
};

/**
 * Asks before the user leaves a form with unsaved changes: the browser's own prompt for a reload, closing
 * the tab or another site; a confirm for a link within the application. Saving through the form itself
 * posts to the same page and is never stopped.
 */
export function useLeaveGuard(unsaved: boolean, onLeave: () => void) {
  const unsavedRef = useRef(unsaved);
  unsavedRef.current = unsaved;
  useBeforeUnload(
    useCallback((event: BeforeUnloadEvent) => {
      if (!unsavedRef.current) return;
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    }, []),
  );
  const blocker = useBlocker(({ currentLocation, nextLocation }) => unsavedRef.current && currentLocation.pathname !== nextLocation.pathname);
  useEffect(() => {
    if (blocker.state !== "blocked") return;
    if (window.confirm(LEAVE_QUESTION)) {
      onLeave();
      blocker.proceed();
    } else {
      blocker.reset();
    }
  }, [blocker, onLeave]);
}
