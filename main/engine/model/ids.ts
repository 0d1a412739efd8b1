/**
 * Who holds what. Every counterparty of every fill is an account inside the ledger, so the
 * conservation sum is closed:
 *
 * - the trader ('me'): the person at the keyboard;
 * - crowd traders ('c:<n>'): the seeded population, under the same rules as the trader;
 * - the liquidity account ('mm'): the outside world behind the modeled order book. Every book
 *   fill's other side lands here. It is never margined or liquidated (it stands for thousands of
 *   market makers we do not model one by one), its wallet may go negative, and it pays no fees.
 *
 * Scripted tests may add more trader accounts with any other id.
 */
export type AccountId = string;
export type AccountKind = 'trader' | 'crowd' | 'liquidity';

export const TRADER_ID: AccountId = 'me';
export const LIQUIDITY_ID: AccountId = 'mm';

export function crowdId(n: number): AccountId {
  return `c:${n}`;
}

export function isCrowdId(id: AccountId): boolean {
  return id.startsWith('c:');
}

export function accountKindOf(id: AccountId): AccountKind {
  if (id === LIQUIDITY_ID) return 'liquidity';
  return isCrowdId(id) ? 'crowd' : 'trader';
}
