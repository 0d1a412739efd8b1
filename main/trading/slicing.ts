/**
 * When the trading service does its engine's work in slices (issue 10 item 7: main's event loop
 * stays live with a 100,000-trader crowd), and how big a slice's steps are.
 */

/** From how many traders a crowd's draws are applied in slices from the start. */
export const STEPPED_ARRIVALS = 1000;
/**
 * Arrivals (then accounts re-solved) between two pauses: about 5 ms of work; a cascade pauses
 * every 10 of its steps, a funding settlement every 1,000 positions (Engine.applySteps).
 */
export const STEP_EVERY = 100;
/** From how many accounts periodic snapshots are written in slices (~15 µs an account at once). */
export const STEPPED_SNAPSHOT_ACCOUNTS = 2000;
/** Accounts written between two pauses of a stepped snapshot (~5 ms of work). */
export const SNAPSHOT_STEP_ACCOUNTS = 300;
/** From how many accounts a rewind is rebuilt off main (a synchronous one takes ~70 µs an account). */
export const BIG_REWIND_ACCOUNTS = 2000;
