// A notification as a start page lists it (app/services/notification-list.server.ts decides; the Notifications
// component shows it): one shape for both, here, as the browser may not import the service.

export interface ListedNotification {
  id: number;
  text: string;
  link: string;
  created_at: string;
  state: "new" | "settled" | "read";
  /** For a settled one: what happened since, in words. */
  settledBy: string | null;
}
