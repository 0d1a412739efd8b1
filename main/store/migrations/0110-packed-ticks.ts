import type { Migration } from './types';

/**
 * Plain price updates are stored as packed bodies (`~L|t|symbol|...`, main/store/tick-columns.ts)
 * instead of JSON (issue 10, item 8: the insert of a row costs about in proportion to its size).
 * The schema does not change; the version does, so a Levdesk that only reads JSON bodies refuses
 * a workspace that may hold packed ones ("written by a newer Levdesk") instead of misreading it.
 * Bodies already stored stay JSON: both are read.
 */
export const m0110PackedTicks: Migration = {
  version: 110,
  name: 'packed-ticks',
  up() {
    // Nothing to change in the schema (see above).
  },
};
