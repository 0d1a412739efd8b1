import type { LiquidationIndexData } from '#main/engine/index/liquidation-index';
import type { AccountSnap } from '#main/engine/state/snapshot';
import type { RestoreMessage } from './restore-protocol';
import { SLICE_MS, nextTask } from './run-sliced';

export type Piece = Extract<RestoreMessage, { kind: 'accounts' | 'entries' | 'heapItems' }>;

/**
 * The snapshot's pieces as the worker sends them (UTF-8 JSON texts), parsed on main one slice of about
 * SLICE_MS at a time, starting with the first piece: parsing overlaps the worker's sending.
 */
export class ArrivingPieces {
  readonly accounts: AccountSnap[] = [];
  readonly entries: Array<LiquidationIndexData['entries'][number]> = [];
  readonly heapItems: Array<Array<[string, number]>> = [];
  private readonly queue: Piece[] = [];
  private next = 0;
  private ended = false;
  private wake: (() => void) | null = null;

  arrive(piece: Piece): void {
    this.queue.push(piece);
    this.notify();
  }

  /** Every piece has arrived. */
  end(): void {
    this.ended = true;
    this.notify();
  }

  /**
   * Wakes parseAll in a task of its own. Node delivers a port's messages in one task for as long
   * as more keep coming: parsing right after a message (a microtask) let the next ones queue up,
   * and main stayed in that task until the worker had sent its last piece (~1 s).
   */
  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    if (wake) setImmediate(wake);
  }

  /** Settles once every piece has arrived and been parsed. */
  async parseAll(): Promise<void> {
    for (;;) {
      const end = performance.now() + SLICE_MS;
      while (this.next < this.queue.length && performance.now() < end) this.parse(this.next++);
      if (this.next < this.queue.length) await nextTask();
      else if (this.ended) return;
      else await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private parse(i: number): void {
    const piece = this.queue[i]!;
    // Its bytes are garbage once parsed: 55 MB in all for 100,000 traders.
    this.queue[i] = EMPTY_PIECE;
    const rows: unknown[] = JSON.parse(utf8.decode(piece.json));
    if (piece.kind === 'accounts') for (const a of rows) this.accounts.push(a as AccountSnap);
    else if (piece.kind === 'entries') for (const e of rows) this.entries.push(e as LiquidationIndexData['entries'][number]);
    else for (const x of rows) (this.heapItems[piece.heap] ??= []).push(x as [string, number]);
  }

  clear(): void {
    this.accounts.length = 0;
    this.entries.length = 0;
    this.heapItems.length = 0;
  }
}

const EMPTY_PIECE: Piece = { kind: 'accounts', json: new Uint8Array() };
const utf8 = new TextDecoder();

