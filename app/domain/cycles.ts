/**
 * Rounds and cycles. The programme opens zelfscan rounds nationally, but each region walks its own
 * cycle through the phases: a region works on the round its current cycle started on, which its
 * transition log records (a new cycle records the new round). A newer round reaches a region only when
 * it starts its next cycle (from the last phase, or set by programma). Pure: the log and the rounds in,
 * the round out.
 */

export interface RoundDates {
  id: number;
  opens_on: string;
  closes_on: string;
  closed_at: string | null;
}

/** Whether a round is open on this day (YYYY-MM-DD). */
export const isRoundOpen = (round: RoundDates, today: string) => round.opens_on <= today && round.closes_on >= today && round.closed_at === null;

/** Newest first: by opening date, then by id (a later round opened the same day is newer). */
export const newestFirst = <R extends RoundDates>(rounds: R[]) =>
  [...rounds].sort((a, b) => (a.opens_on === b.opens_on ? b.id - a.id : a.opens_on < b.opens_on ? 1 : -1));

/** The newest zelfscan round open today, if any. */
export const newestOpenRound = <R extends RoundDates>(rounds: R[], today: string): R | undefined => newestFirst(rounds).find((r) => isRoundOpen(r, today));

/**
 * The round a region works on. `recorded` is the round of its latest transition that records one (the
 * round its current cycle started on). A region that has not started a cycle yet works on the newest
 * open round, or, with none open, the newest round there is.
 */
export function cycleRound<R extends RoundDates>(recorded: number | null, rounds: R[], today: string): R | undefined {
  if (recorded !== null) {
    const round = rounds.find((r) => r.id === recorded);
    if (round) return round;
  }
  return newestOpenRound(rounds, today) ?? newestFirst(rounds)[0];
}

/** Whether a region can start a new cycle: a round is open that is newer than the one its cycle runs on. */
export function newerRoundOpen<R extends RoundDates>(current: R | undefined, rounds: R[], today: string): R | undefined {
  const open = newestOpenRound(rounds, today);
  if (!open || open.id === current?.id) return undefined;
  if (current && newestFirst([open, current])[0]!.id !== open.id) return undefined;
  return open;
}
