import { describe, expect, it } from 'vitest';
import { Engine } from '#main/engine/engine';
import { cutAccounts } from '#main/trading/snapshot-cut';
import { setupEvent, tick, T0 } from '../engine/helpers';

function bodyOf(traders: number, clientOrderId?: string): { body: string; parsed: { accounts: unknown[] } } {
  const e = new Engine();
  e.apply(setupEvent({ deposit: '50000', leverage: 10 }));
  if (traders > 0) {
    e.apply({ kind: 'crowd', t: T0, symbol: 'BTCUSDT', params: { seed: 5, traders, longShare: 0.5, leverage: [{ leverage: 10, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.5, minDistance: 0.01, maxDistance: 0.05 }, entryWindowHours: 0 } });
  }
  e.apply({ kind: 'tick', tick: tick(T0 + 60_000, '100000') });
  if (clientOrderId) {
    const r = e.apply({ kind: 'command', t: T0 + 60_000, account: 'me', command: { type: 'placeOrder', order: { symbol: 'BTCUSDT', side: 'buy', type: 'limit', quantity: '0.1', price: '90000', clientOrderId } } } as never);
    if (!r.ok) throw new Error(r.rejection.message);
  }
  const body = e.canonicalText();
  return { body, parsed: JSON.parse(body) as { accounts: unknown[] } };
}

const parse = (piece: Uint8Array): unknown[] => JSON.parse(Buffer.from(piece).toString('utf8')) as unknown[];

describe('a snapshot body cut into its accounts without parsing', () => {
  it.each([
    [0, 7],
    [1, 7],
    [6, 7],
    [7, 7],
    [250, 7],
    [250, 1000],
  ])('%i traders in pieces of %i: the pieces are the accounts, the head the rest', (traders, per) => {
    const { body, parsed } = bodyOf(traders);
    const cut = cutAccounts(Buffer.from(body), per);
    const accounts = cut.pieces.flatMap(parse);
    expect(accounts).toEqual(parsed.accounts);
    expect(cut.accounts).toBe(parsed.accounts.length);
    for (const p of cut.pieces.slice(0, -1)) expect(parse(p).length).toBe(per);
    // Each piece owns its buffer: transferring it to main hands over nothing else.
    for (const p of cut.pieces) expect(p.byteLength).toBe(p.buffer.byteLength);
    expect(JSON.parse(cut.head)).toEqual({ ...parsed, accounts: [] });
    // The ranges name each piece's accounts in the body, and with the head make up the whole body.
    const bytes = Buffer.from(body);
    expect(cut.ranges.map(([a, b]) => `[${bytes.toString('utf8', a, b)}]`)).toEqual(cut.pieces.map((p) => Buffer.from(p).toString('utf8')));
    const inner = cut.ranges.map(([a, b]) => bytes.toString('utf8', a, b)).join(',');
    expect(cut.head.replace('{"accounts":[]', `{"accounts":[${inner}]`)).toBe(body);
  });

  it.each([0, 1, 7, 20])('sends the head first, then each piece as it is cut (%i traders)', (traders) => {
    const { body } = bodyOf(traders);
    const sent: Array<string | Uint8Array> = [];
    const cut = cutAccounts(Buffer.from(body), 3, { head: (h) => sent.push(h), piece: (p) => sent.push(p) });
    expect(sent).toEqual([cut.head, ...cut.pieces]);
    expect(sent.slice(1).every((p, i) => p === cut.pieces[i])).toBe(true);
  });

  it('cuts bytes, so text beyond ASCII in an account stays whole', () => {
    const { body, parsed } = bodyOf(30, 'grand-père ∆ 🚀 },{"deposited":');
    const cut = cutAccounts(Buffer.from(body), 4);
    expect(cut.pieces.flatMap(parse)).toEqual(parsed.accounts);
  });

  it('is not fooled by a string that holds the separators (a client order id)', () => {
    const { body, parsed } = bodyOf(20, 'x},{"deposited":"1"}],"crowd":');
    expect(body).toContain('x},{\\"deposited\\":');
    const cut = cutAccounts(Buffer.from(body), 3);
    expect(cut.pieces.flatMap(parse)).toEqual(parsed.accounts);
    expect(JSON.parse(cut.head)).toEqual({ ...parsed, accounts: [] });
  });

  it('refuses a body that is not a snapshot', () => {
    expect(() => cutAccounts(Buffer.from('{"format":1}'), 5)).toThrow(/does not start with its accounts/);
    expect(() => cutAccounts(Buffer.from('{"acc'), 5)).toThrow(/does not start with its accounts/);
    expect(() => cutAccounts(Buffer.from('{"accounts":[{"deposited":"1"}'), 5)).toThrow(/no end/);
  });
});
