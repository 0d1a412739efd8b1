/**
 * A stored snapshot body cut into its accounts without parsing it (issue 10 item 7: the restore
 * worker sends main the first accounts ~1 s sooner than after parsing 55 MB and writing them out
 * again). The body is canonical JSON: `{"accounts":[{"deposited":…},{"deposited":…}],"crowd":…`.
 * Every account object starts with "deposited" (its first key in sorted order), and a quote
 * inside a JSON string is always escaped, so the text `},{"deposited":` occurs exactly between
 * two accounts, and `}],"crowd":` first where the accounts end (no account has a "crowd" key).
 * The worker still parses the whole body to check the restore, and compares the counts.
 */
export interface CutSnapshot {
  /** The body with an empty accounts array (parses to the snapshot's other fields). */
  readonly head: string;
  /** JSON array texts of at most `per` accounts each, in order. */
  readonly pieces: string[];
  readonly accounts: number;
}

const OPEN = '{"accounts":[';
const BETWEEN = '},{"deposited":';
const END = '}],"crowd":';

export function cutAccounts(body: string, per: number): CutSnapshot {
  if (!body.startsWith(OPEN)) throw new Error('a trading snapshot does not start with its accounts');
  if (body.startsWith(OPEN + ']')) return { head: body, pieces: [], accounts: 0 };
  const end = body.indexOf(END);
  if (end < 0) throw new Error('a trading snapshot has no end to its accounts');
  const pieces: string[] = [];
  let accounts = 0;
  let from = OPEN.length;
  let count = 0;
  let at = from;
  for (;;) {
    const next = body.indexOf(BETWEEN, at);
    const last = next < 0 || next > end;
    count += 1;
    if (last || count === per) {
      // An account ends at its closing brace: `next + 1` (or `end + 1` for the last one).
      const stop = (last ? end : next) + 1;
      pieces.push(`[${body.slice(from, stop)}]`);
      accounts += count;
      count = 0;
      from = stop + 1;
    }
    if (last) break;
    at = next + BETWEEN.length;
  }
  return { head: OPEN + body.slice(end + 1), pieces, accounts };
}
