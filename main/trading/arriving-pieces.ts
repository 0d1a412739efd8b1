import type { LiquidationIndexData } from '#main/engine/index/liquidation-index';
import { RowsPending, type AccountSnap } from '#main/engine/state/snapshot';
import type { MainPieceCheck } from './main-piece-check';
import type { RestoreMessage } from './restore-protocol';

export type Piece = Extract<RestoreMessage, { kind: 'accounts' | 'entries' | 'heapItems' }>;
type Entry = LiquidationIndexData['entries'][number];

/**
 * The snapshot's pieces as the worker sends them (UTF-8 JSON texts in transferred buffers), kept
 * as bytes until the restore reads them: each piece is parsed when the restore reaches it, in the
 * restore's own slices, and its rows are garbage as soon as they are restored.
 *
 * Parsing every piece first (as they arrived) kept some 160 MB of plain rows alive until the
 * restore consumed them: every young-generation collection then copied them, and those
 * collections held main 60-110 ms at a time during a 100,000-trader reopen.
 */
export class ArrivingPieces {
  private readonly queue: Piece[] = [];
  private ended = false;
  private accountsEnded = false;
  private wake: (() => void) | null = null;
  /** Sees every account piece as the restore reads it (main's share of the restore check). */
  check: MainPieceCheck | null = null;
  /** Settles at the next piece or at the end of the accounts (what a pending accounts read waits for). */
  private next: { readonly promise: Promise<void>; readonly resolve: () => void } | null = null;

  arrive(piece: Piece): void {
    this.queue.push(piece);
    this.settleNext();
  }

  /** Every accounts piece has arrived. */
  endAccounts(): void {
    this.accountsEnded = true;
    this.settleNext();
  }

  /** Every piece has arrived (the accounts' included). */
  end(): void {
    this.ended = true;
    this.endAccounts();
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  /** Settles once every piece has arrived. */
  arrived(): Promise<void> {
    return this.ended ? Promise.resolve() : new Promise<void>((resolve) => (this.wake = resolve));
  }

  /**
   * The accounts in snapshot order, parsed a piece at a time as they are read (once); where the
   * next piece has not arrived yet, a RowsPending that settles when it (or the end) does.
   */
  *accounts(): Generator<AccountSnap | RowsPending, void> {
    for (let i = 0; ; i++) {
      while (i === this.queue.length) {
        if (this.accountsEnded) return;
        yield new RowsPending(this.nextArrival());
      }
      if (this.queue[i]!.kind !== 'accounts') continue;
      const text = this.take(i);
      const rows = JSON.parse(text) as AccountSnap[];
      this.check?.seen(text, rows);
      yield* rows;
    }
  }

  /** The liquidation index's entries, likewise. */
  entries(): Iterable<Entry> {
    return this.rows((p) => p.kind === 'entries');
  }

  /** The items of the index's heap number `heap`, likewise. */
  heapItems(heap: number): Iterable<[string, number]> {
    return this.rows((p) => p.kind === 'heapItems' && p.heap === heap);
  }

  private *rows<T>(wanted: (p: Piece) => boolean): Generator<T, void> {
    for (let i = 0; i < this.queue.length; i++) {
      if (wanted(this.queue[i]!)) yield* JSON.parse(this.take(i)) as T[];
    }
  }

  clear(): void {
    this.queue.length = 0;
  }

  /** The JSON text of piece `i`; its bytes are garbage from then on (55 MB in all for 100,000 traders). */
  private take(i: number): string {
    const piece = this.queue[i]!;
    this.queue[i] = EMPTY_PIECE;
    return utf8.decode(piece.json);
  }

  private nextArrival(): Promise<void> {
    if (!this.next) {
      let resolve: () => void = () => undefined;
      const promise = new Promise<void>((r) => (resolve = r));
      this.next = { promise, resolve };
    }
    return this.next.promise;
  }

  private settleNext(): void {
    const next = this.next;
    this.next = null;
    next?.resolve();
  }
}

const EMPTY_PIECE: Piece = { kind: 'heapItems', heap: -1, json: new Uint8Array() };
const utf8 = new TextDecoder();
