import { describe, expect, it } from 'vitest';
import { RowsPending, type AccountSnap } from '#main/engine/state/snapshot';
import { ArrivingPieces, type Piece } from '#main/trading/arriving-pieces';

const utf8 = new TextEncoder();
const piece = (kind: Piece['kind'], rows: unknown[], heap = 0): Piece =>
  kind === 'heapItems' ? { kind, heap, json: utf8.encode(JSON.stringify(rows)) } : { kind, json: utf8.encode(JSON.stringify(rows)) };
const account = (id: string): AccountSnap => ({ id }) as unknown as AccountSnap;
const broken = (kind: 'accounts' | 'entries'): Piece => ({ kind, json: utf8.encode('[{"id": ') });

/**
 * Issue 10 item 7: the restore worker's pieces of a 100,000-trader snapshot stay bytes until the
 * restore reads them, so their rows die young (parsing them all first kept ~160 MB alive through
 * every young-generation collection: 60-110 ms pauses on main).
 */
describe('the restore pieces arriving on main', () => {
  it('reads every piece in order, into accounts, index entries and the items of each heap', async () => {
    const pieces = new ArrivingPieces();
    const arrived = pieces.arrived();
    pieces.arrive(piece('accounts', [account('c1'), account('c2')]));
    pieces.arrive(piece('accounts', [account('c3')]));
    pieces.arrive(piece('entries', [['c1|BTCUSDT', 1]]));
    pieces.arrive(piece('heapItems', [['c1|BTCUSDT', 90_000]], 1));
    pieces.arrive(piece('heapItems', [['c2|BTCUSDT', 80_000]], 0));
    pieces.end();
    await arrived;
    expect([...pieces.accounts()].map((a) => (a as AccountSnap).id)).toEqual(['c1', 'c2', 'c3']);
    expect([...pieces.entries()]).toEqual([['c1|BTCUSDT', 1]]);
    expect([...pieces.heapItems(1)]).toEqual([['c1|BTCUSDT', 90_000]]);
    expect([...pieces.heapItems(0)]).toEqual([['c2|BTCUSDT', 80_000]]);
    expect([...pieces.heapItems(2)]).toEqual([]);
    // Read once: each piece's bytes are dropped as it is parsed.
    expect([...pieces.accounts()]).toEqual([]);
  });

  it('hands out the accounts as their pieces arrive, with a pending mark where the next has not', async () => {
    const pieces = new ArrivingPieces();
    const accounts = pieces.accounts();
    let r = accounts.next();
    expect(r.value).toBeInstanceOf(RowsPending);
    const first = (r.value as RowsPending).arrived;
    let woke = false;
    void first.then(() => (woke = true));
    pieces.arrive(piece('accounts', [account('c1'), account('c2')]));
    await first;
    expect(woke).toBe(true);
    expect(accounts.next().value).toEqual(account('c1'));
    expect(accounts.next().value).toEqual(account('c2'));
    // An index piece arriving meanwhile is not an account; the end of the accounts ends the read.
    pieces.arrive(piece('entries', [['c1|BTCUSDT', 1]]));
    r = accounts.next();
    expect(r.value).toBeInstanceOf(RowsPending);
    pieces.arrive(piece('accounts', [account('c3')]));
    await (r.value as RowsPending).arrived;
    expect(accounts.next().value).toEqual(account('c3'));
    r = accounts.next();
    expect(r.value).toBeInstanceOf(RowsPending);
    pieces.endAccounts();
    await (r.value as RowsPending).arrived;
    expect(accounts.next().done).toBe(true);
    expect([...pieces.entries()]).toEqual([['c1|BTCUSDT', 1]]);
  });

  it('settles arrived() only once the last piece is in', async () => {
    const pieces = new ArrivingPieces();
    let settled = false;
    void pieces.arrived().then(() => (settled = true));
    pieces.arrive(piece('accounts', [account('c1')]));
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(false);
    pieces.end();
    await new Promise((resolve) => setImmediate(resolve));
    expect(settled).toBe(true);
    await pieces.arrived(); // after the end: at once
  });

  it('parses a piece only when the restore reaches it', () => {
    const pieces = new ArrivingPieces();
    pieces.arrive(piece('accounts', [account('c1')]));
    pieces.arrive(broken('accounts'));
    pieces.arrive(piece('entries', [['c1|BTCUSDT', 1]]));
    pieces.end();
    // Arriving parsed nothing, and the entries read without touching the broken accounts piece.
    expect([...pieces.entries()]).toEqual([['c1|BTCUSDT', 1]]);
    const accounts = pieces.accounts()[Symbol.iterator]();
    expect(accounts.next().value).toEqual(account('c1'));
    expect(() => accounts.next()).toThrow(SyntaxError);
  });
});
