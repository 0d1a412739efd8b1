import { MessageChannel } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import type { AccountSnap } from '#main/engine/state/snapshot';
import { ArrivingPieces, type Piece } from '#main/trading/arriving-pieces';

const utf8 = new TextEncoder();
const piece = (kind: Piece['kind'], rows: unknown[], heap = 0): Piece =>
  kind === 'heapItems' ? { kind, heap, json: utf8.encode(JSON.stringify(rows)) } : { kind, json: utf8.encode(JSON.stringify(rows)) };
const account = (id: string): AccountSnap => ({ id }) as unknown as AccountSnap;
const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Issue 10 item 7: the restore worker's pieces of a 100,000-trader snapshot are parsed on main in
 * tasks of their own. Parsed right after a message (a microtask), they kept main inside the
 * port's delivery of the next messages until the worker had sent its last one (~1 s).
 */
describe('the restore pieces arriving on main', () => {
  it('parses every piece in order, into accounts, index entries and heap items', async () => {
    const pieces = new ArrivingPieces();
    const done = pieces.parseAll();
    pieces.arrive(piece('accounts', [account('c1'), account('c2')]));
    pieces.arrive(piece('accounts', [account('c3')]));
    pieces.arrive(piece('entries', [['c1|BTCUSDT', 1]]));
    pieces.arrive(piece('heapItems', [['c1|BTCUSDT', 90_000]], 1));
    pieces.end();
    await done;
    expect(pieces.accounts.map((a) => a.id)).toEqual(['c1', 'c2', 'c3']);
    expect(pieces.entries).toEqual([['c1|BTCUSDT', 1]]);
    expect(pieces.heapItems[1]).toEqual([['c1|BTCUSDT', 90_000]]);
    expect(pieces.heapItems[0]).toBeUndefined();
  });

  it('never parses in the task that delivered a message, only in a later one', async () => {
    const pieces = new ArrivingPieces();
    const done = pieces.parseAll();
    await macrotask(); // parseAll now waits for a piece
    const { port1, port2 } = new MessageChannel();
    const parsedDuringDelivery: number[] = [];
    let delivered = 0;
    port2.on('message', (p: Piece | 'end') => {
      if (p === 'end') pieces.end();
      else pieces.arrive(p);
      delivered += 1;
      // Whatever microtasks the arrival started run before the next message is delivered.
      queueMicrotask(() => parsedDuringDelivery.push(pieces.accounts.length));
    });
    for (let i = 0; i < 5; i++) port1.postMessage(piece('accounts', [account(`c${i}`)]));
    port1.postMessage('end');
    await done;
    port1.close();
    expect(delivered).toBe(6);
    // All six messages were delivered in one task, and nothing was parsed inside it.
    expect(parsedDuringDelivery).toEqual([0, 0, 0, 0, 0, 0]);
    expect(pieces.accounts).toHaveLength(5);
  });
});
