import type { Db } from '../db-types';

/**
 * One schema step. Migrations copy the types and constants they need instead of importing live
 * domain code, so a migration's meaning never changes after it ships.
 */
export interface Migration {
  /** user_version after this step; steps of 10 leave room to insert a fix between releases. */
  readonly version: number;
  readonly name: string;
  readonly up: (db: Db) => void;
}
