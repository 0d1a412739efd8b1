import { describe, expect, it } from 'vitest';
import { Engine } from '#main/engine/engine';
import { canonicalJson } from '#main/engine/state/hash';
import { checkCutRestores, checkRestored, checkRestoredText, readSnapshot, sha256 } from '#main/trading/rebuild';
import { cutAccounts } from '#main/trading/snapshot-cut';
import { restoreState, snapshotState, type AccountSnap, type EngineSnapshot } from '#main/engine/state/snapshot';
import { MainPieceCheck } from '#main/trading/main-piece-check';
import { order, setupEvent, startedEngine, tick, T0 } from '../engine/helpers';

function stored(e: Engine) {
  const body = canonicalJson(e.snapshot());
  return { seq: e.readState.seq, t: e.readState.t, hash: sha256(body), body, index: JSON.stringify(e.indexSnapshot()) };
}

describe('checking a restored snapshot', () => {
  it('accepts a faithful restore and keeps the stored hash as its state hash', () => {
    const e = startedEngine();
    expect(order(e, { side: 'buy', type: 'market', quantity: '0.5' as never }).ok).toBe(true);
    const snap = stored(e);
    const { state, index } = readSnapshot(snap, true);
    const restored = Engine.restore(state, index ? { index } : {});
    checkRestored(restored, snap);
    expect(restored.stateHash()).toBe(snap.hash);
    expect(restored.stateHash()).toBe(e.stateHash());
  });

  it('refuses a body that the engine does not write back character for character', () => {
    const e = startedEngine();
    const snap = stored(e);
    // Same data, keys in another order: not what the engine writes (a restore that loses or reorders something).
    const parsed = JSON.parse(snap.body) as Record<string, unknown>;
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(parsed).reverse()));
    const bad = { ...snap, body: reordered, hash: sha256(reordered) };
    const restored = Engine.restore(readSnapshot(bad, true).state);
    expect(() => checkRestored(restored, bad)).toThrow(/does not restore to the same state/);
  });

  it('forgets a remembered hash once an event is applied', () => {
    const e = startedEngine();
    const before = e.stateHash();
    e.rememberStateHash('f'.repeat(64));
    expect(e.stateHash()).toBe('f'.repeat(64));
    expect(order(e, { side: 'buy', type: 'market', quantity: '0.5' as never }).ok).toBe(true);
    expect(e.stateHash()).not.toBe(before);
    expect(e.stateHash()).toBe(Engine.restore(JSON.parse(JSON.stringify(e.snapshot()))).stateHash());
  });
});

/** A snapshot body with a small crowd (stops, cross and isolated positions) and the trader's orders. */
function crowdBody(): string {
  const e = new Engine();
  e.apply(setupEvent({ deposit: '50000', leverage: 10 }));
  e.apply({ kind: 'crowd', t: T0, symbol: 'BTCUSDT', params: { seed: 9, traders: 60, longShare: 0.5, leverage: [{ leverage: 10, weight: 1 }, { leverage: 25, weight: 1 }], notional: { median: 5000, logSigma: 1 }, crossShare: 0.3, stops: { share: 0.5, minDistance: 0.01, maxDistance: 0.05 }, entryWindowHours: 0 } });
  e.apply({ kind: 'tick', tick: tick(T0 + 60_000, '100000') });
  expect(order(e, { side: 'buy', type: 'limit', quantity: '0.1' as never, price: '95000' as never }).ok).toBe(true);
  return e.canonicalText();
}

/** The whole-state check the cut's replaces: restore everything, write it out, compare. */
function wholeVerdict(body: string): string {
  try {
    checkRestoredText(canonicalJson(snapshotState(restoreState(JSON.parse(body) as EngineSnapshot))), { seq: 1, t: 0, hash: '', body, index: null });
    return 'ok';
  } catch (err) {
    return (err as Error).message;
  }
}

function cutVerdict(body: string, per: number): string {
  try {
    const bytes = Buffer.from(body);
    checkCutRestores(bytes, cutAccounts(bytes, per), 1);
    return 'ok';
  } catch (err) {
    return (err as Error).message;
  }
}

/**
 * The check shared between the restore worker (every piece but each `every`-th) and main (those,
 * from the accounts it restored, and the ids' order throughout), as restore-off-main.ts runs it.
 * `side` runs one side alone.
 */
function sharedVerdict(body: string, per: number, every: number, side: 'both' | 'worker' | 'main' = 'both'): string {
  try {
    const bytes = Buffer.from(body);
    const cut = cutAccounts(bytes, per);
    if (side !== 'main') checkCutRestores(bytes, cut, 1, every);
    if (side === 'worker') return 'ok';
    const check = new MainPieceCheck(every);
    const rows: AccountSnap[] = [];
    for (const piece of cut.pieces) {
      // As ArrivingPieces reads a piece: its text, then its rows.
      const text = Buffer.from(piece).toString('utf8');
      const parsed = JSON.parse(text) as AccountSnap[];
      check.seen(text, parsed);
      rows.push(...parsed);
    }
    const state = restoreState({ ...(JSON.parse(cut.head) as EngineSnapshot), accounts: rows });
    for (const step of check.steps(state.accounts, 1)) void step;
    return 'ok';
  } catch (err) {
    return (err as Error).message;
  }
}

describe('checking a snapshot a slice of accounts at a time', () => {
  const body = crowdBody();
  const accounts = (JSON.parse(body) as EngineSnapshot).accounts;
  const withAccounts = (list: unknown[]): string => body.replace(/^\{"accounts":\[.*\],"crowd":/s, `{"accounts":[${list.map((a) => JSON.stringify(a)).join(',')}],"crowd":`);
  const bad = {
    // A decimal the engine writes otherwise ("1.50" restores to 1.5).
    'a wallet written with a trailing zero': body.replace(/"wallet":"(\d+\.\d*[1-9])"/, '"wallet":"$10"'),
    'two accounts swapped': withAccounts([accounts[1], accounts[0], ...accounts.slice(2)]),
    'an account twice': withAccounts([accounts[0], ...accounts]),
    'a market field out of order': body.replace('"depthScale":', '"zz":0,"depthScale":'),
    'an unknown key in an account': body.replace('{"deposited":', '{"deposited":"0","x":1,"deposited2":'),
  };

  it.each([1, 7, 1000])('accepts a faithful body in slices of %i, as the whole check does', (per) => {
    expect(accounts.length).toBeGreaterThan(40);
    expect(wholeVerdict(body)).toBe('ok');
    expect(cutVerdict(body, per)).toBe('ok');
  });

  it.each(Object.entries(bad))('refuses %s, as the whole check does', (_name, text) => {
    expect(text).not.toBe(body);
    expect(wholeVerdict(text)).toMatch(/does not restore to the same state/);
    for (const per of [1, 7, 1000]) expect(cutVerdict(text, per)).toMatch(/does not restore to the same state/);
  });

  it.each([1, 2, 3])('shares the check with main (every %i-th piece) and still accepts what the whole check accepts', (every) => {
    for (const per of [1, 7, 1000]) expect(sharedVerdict(body, per, every)).toBe('ok');
  });

  it.each(Object.entries(bad))('refuses %s when main checks a share of the pieces', (_name, text) => {
    for (const per of [1, 7, 1000]) for (const every of [1, 2, 3]) expect(sharedVerdict(text, per, every)).toMatch(/does not restore to the same state/);
  });

  it("leaves main's pieces to main: the worker alone passes damage there, main alone finds it", () => {
    const trailingZero = bad['a wallet written with a trailing zero'];
    expect(sharedVerdict(trailingZero, 7, 1, 'worker')).toBe('ok');
    expect(sharedVerdict(trailingZero, 7, 1, 'main')).toMatch(/does not restore to the same state/);
    // Out of order across two pieces that are both the worker's (every 1000th piece is main's): main finds it.
    const swapped = bad['two accounts swapped'];
    expect(sharedVerdict(swapped, 1, 1000, 'main')).toMatch(/does not restore to the same state/);
  });
});
