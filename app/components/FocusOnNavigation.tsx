import { useLocation, useNavigation } from "@remix-run/react";
import { useEffect, useRef } from "react";

/**
 * After a client-side navigation (a link or a form that lands on another page) focus moves to the new
 * page's h1, so a screen reader reads where the user is, as after a full page load (GOV.UK and NL Design
 * System advise the same). Not on the first load, and not when only the query or hash changed on the
 * same page with the focus inside the main content (a filter, a year, a theme link): the user stays put.
 */
export function FocusOnNavigation() {
  const location = useLocation();
  const navigation = useNavigation();
  const first = useRef(true);
  const previousPath = useRef(location.pathname);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (navigation.state !== "idle") return;
    const samePage = previousPath.current === location.pathname;
    previousPath.current = location.pathname;
    if (location.hash) return;
    if (samePage && document.activeElement && document.activeElement !== document.body) return;
    const heading = document.querySelector<HTMLElement>("main h1");
    if (!heading) return;
    if (!heading.hasAttribute("tabindex")) heading.setAttribute("tabindex", "-1");
    heading.focus();
  }, [location.key, location.pathname, location.hash, navigation.state]);
  return null;
}
