import { describe, expect, it } from 'vitest';
import { dirtyInOrder } from '#main/engine/risk/refresh';
import type { EngineContext } from '#main/engine/context';

/** The two fields dirtyInOrder reads: the changed ids and the accounts map. */
function ctxWith(accounts: readonly string[], dirty: readonly string[]): Pick<EngineContext, 'dirty' | 'state'> {
  return { dirty: new Set(dirty), state: { accounts: new Map(accounts.map((id) => [id, {}])) } } as unknown as Pick<EngineContext, 'dirty' | 'state'>;
}

const crowdIds = (n: number): string[] => Array.from({ length: n }, (_, i) => `c:${i}`);

describe('the changed accounts in string order', () => {
  it('equals sorting them, whether most accounts changed (read off the sorted ids) or a few', () => {
    const accounts = ['me', 'lp', ...crowdIds(5000)];
    // Most changed: 'c:10' sorts before 'c:2', as `sort()` puts it.
    const most = accounts.filter((_, i) => i % 7 !== 3);
    expect(dirtyInOrder(ctxWith(accounts, most))).toEqual([...most].sort());
    const few = ['c:42', 'me', 'c:4200', 'c:5'];
    expect(dirtyInOrder(ctxWith(accounts, few))).toEqual([...few].sort());
  });

  it('falls back to a sort when a changed id is not an account', () => {
    const accounts = crowdIds(3000);
    const dirty = [...accounts.slice(0, 2500), 'gone'];
    expect(dirtyInOrder(ctxWith(accounts, dirty))).toEqual([...dirty].sort());
  });
});
