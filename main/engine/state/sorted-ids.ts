/**
 * The accounts' ids in string order (UTF-16 code units, as `sort()` and `<` compare), kept per
 * accounts map. A snapshot writes the accounts in that order: sorting 100,000 ids afresh was one
 * piece of 40-90 ms at the start of every stepped snapshot (the periodic ones while a big crowd
 * plays, the close's). Accounts are only ever added, never removed, so an unchanged size is an
 * unchanged set, and the ids added since are the map's last keys (insertion order): sorted alone
 * and merged in.
 */
const cache = new WeakMap<ReadonlyMap<string, unknown>, { readonly size: number; readonly ids: readonly string[] }>();

export function sortedAccountIds(accounts: ReadonlyMap<string, unknown>): readonly string[] {
  const known = cache.get(accounts);
  if (known && known.size === accounts.size) return known.ids;
  let ids: readonly string[];
  if (!known || known.size > accounts.size) ids = [...accounts.keys()].sort();
  else {
    const fresh: string[] = [];
    let i = 0;
    for (const id of accounts.keys()) if (i++ >= known.size) fresh.push(id);
    ids = merge(known.ids, fresh.sort());
  }
  cache.set(accounts, { size: accounts.size, ids });
  return ids;
}

function merge(a: readonly string[], b: readonly string[]): string[] {
  const out = new Array<string>(a.length + b.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < a.length && j < b.length) out[k++] = a[i]! <= b[j]! ? a[i++]! : b[j++]!;
  while (i < a.length) out[k++] = a[i++]!;
  while (j < b.length) out[k++] = b[j++]!;
  return out;
}
