/**
 * A stored snapshot body cut into its accounts without parsing it (issue 10 item 7: the restore
 * worker sends main the first accounts ~1 s sooner than after parsing 55 MB and writing them out
 * again). The body is canonical JSON: `{"accounts":[{"deposited":…},{"deposited":…}],"crowd":…`.
 * Every account object starts with "deposited" (its first key in sorted order), and a quote
 * inside a JSON string is always escaped, so the text `},{"deposited":` occurs exactly between
 * two accounts, and `}],"crowd":` once, where the accounts end ("crowd" is a key of the top level
 * alone). That end is searched from the back: the accounts are all but the body's last kilobyte,
 * and scanning 55 MB forward for it held the first piece back ~40 ms.
 * The worker still parses the whole body to check the restore, and compares the counts.
 *
 * It works on the body's UTF-8 bytes as SQLite stores them: searching bytes is a memchr, and the
 * pieces are copies of byte ranges ready to transfer, where cutting the text and encoding every
 * piece to UTF-8 took ~0.4 s of a 100,000-trader reopen. (The separators are ASCII, and no byte of
 * a multi-byte UTF-8 sequence is, so a byte search finds exactly what a text search would.)
 */
export interface CutSnapshot {
  /** The body with an empty accounts array (parses to the snapshot's other fields). */
  readonly head: string;
  /** UTF-8 JSON array texts of at most `per` accounts each, in order, each in a buffer of its own (detached once sent). */
  readonly pieces: Uint8Array[];
  /** Where each piece's accounts lie in the body: [from, stop) (the pieces are transferred away; the body stays). */
  readonly ranges: Array<readonly [number, number]>;
  readonly accounts: number;
}

const OPEN = Buffer.from('{"accounts":[');
const BETWEEN = Buffer.from('},{"deposited":');
const END = Buffer.from('}],"crowd":');
const LEFT = 0x5b; // [
const RIGHT = 0x5d; // ]

/** `[` + body[from, stop) + `]` in a buffer of its own (transferable without copying the rest). */
export function bracketed(body: Buffer, from: number, stop: number): Uint8Array {
  const piece = new Uint8Array(stop - from + 2);
  piece[0] = LEFT;
  piece.set(body.subarray(from, stop), 1);
  piece[piece.length - 1] = RIGHT;
  return piece;
}

/**
 * Cuts the body's accounts into pieces of at most `per`. `send`, when given, gets the head and
 * then each piece as soon as it is cut (the restore worker posts them: main starts restoring the
 * first accounts while the rest are cut); the pieces returned are then the same buffers.
 */
export function cutAccounts(body: Buffer, per: number, send?: { head(head: string): void; piece(piece: Uint8Array): void }): CutSnapshot {
  if (body.compare(OPEN, 0, OPEN.length, 0, Math.min(OPEN.length, body.length)) !== 0) throw new Error('a trading snapshot does not start with its accounts');
  if (body[OPEN.length] === RIGHT) {
    const head = body.toString('utf8');
    send?.head(head);
    return { head, pieces: [], ranges: [], accounts: 0 };
  }
  const end = body.lastIndexOf(END);
  if (end < 0) throw new Error('a trading snapshot has no end to its accounts');
  const head = OPEN.toString('latin1') + body.toString('utf8', end + 1);
  send?.head(head);
  const pieces: Uint8Array[] = [];
  const ranges: Array<readonly [number, number]> = [];
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
      const piece = bracketed(body, from, stop);
      pieces.push(piece);
      ranges.push([from, stop]);
      send?.piece(piece);
      accounts += count;
      count = 0;
      from = stop + 1;
    }
    if (last) break;
    at = next + BETWEEN.length;
  }
  return { head, pieces, ranges, accounts };
}
