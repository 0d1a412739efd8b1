import type { Account } from '#main/engine/model/account';
import { accountsText, type AccountSnap } from '#main/engine/state/snapshot';
import { isMainsPiece, notRestoring } from './rebuild';

/**
 * Main's share of the check that a snapshot at the head restores to its own text (rebuild.ts,
 * checkCutRestores): the restore worker leaves main every n-th account piece. Main restores every
 * account anyway, so writing those pieces' accounts out again and comparing them with the pieces'
 * text costs it ~11 µs an account, where the worker pays ~15 µs to parse, restore and write one
 * out. On two cores the worker's check was the reopen's longest path (issue 10 item 7), ending
 * 0.3-0.4 s after main. Main also checks that the ids strictly increase across all pieces (the
 * worker sees only its own), so no id can stand for two rows.
 */
export class MainPieceCheck {
  private piece = 0;
  private last: string | null = null;
  private ordered = true;
  private readonly kept: Array<{ readonly text: string; readonly ids: readonly string[] }> = [];

  /** `every`: main checks the every-th, 2×every-th, … account piece (the worker's head says which). */
  constructor(private readonly every: number) {}

  /** An account piece as the restore reads it: its JSON text and its rows, in snapshot order. */
  seen(text: string, rows: readonly AccountSnap[]): void {
    for (const r of rows) {
      if (this.last !== null && !(r.id > this.last)) this.ordered = false;
      this.last = r.id;
    }
    if (isMainsPiece(this.piece++, this.every)) this.kept.push({ text, ids: rows.map((r) => r.id) });
  }

  /** Once every account is restored into `accounts`: throws as the worker would, a pause per piece. */
  *steps(accounts: ReadonlyMap<string, Account>, seq: number): Generator<void, void> {
    if (!this.ordered) throw notRestoring(seq);
    for (const { text, ids } of this.kept.splice(0)) {
      if (`[${accountsText(ids.map((id) => accounts.get(id)!))}]` !== text) throw notRestoring(seq);
      yield;
    }
  }
}
