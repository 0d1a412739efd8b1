import type { LiquidationIndexData } from '#main/engine/index/liquidation-index';
import { bracketed } from './snapshot-cut';

/**
 * A stored liquidation index cut into its entries and heap items without parsing it, as
 * snapshot-cut.ts cuts the accounts: the restore worker parsed the 15 MB index of a
 * 100,000-trader crowd and wrote it out again in slices, ~0.6 s of its part of every reopen.
 *
 * The text is the one snapshot-text.ts (indexTextSteps) writes:
 * `{"format":1,"entries":[[…],…],"heaps":[{"symbol":…,"side":…,"heap":{"offset":…,"items":[[…],…]}},…],"epochs":…}`.
 * Array elements are found by a scan that knows JSON strings (a bracket or comma inside one is
 * text), so an id holding `],[` cuts right. Any other layout answers null and the caller parses
 * the index as before: the index is derived data, and a restore that cannot take it solves every
 * position instead (Engine.importIndex).
 */
export interface CutIndex {
  /** The index with empty `entries` and empty heap `items`: the rest of LiquidationIndexData, parsed. */
  readonly head: LiquidationIndexData;
  /** UTF-8 JSON array texts of at most `per` entries each, in order. */
  readonly entries: Uint8Array[];
  /** For each heap, in order, its items likewise. */
  readonly heapItems: Uint8Array[][];
}

const OPEN = Buffer.from('{"format":1,"entries":[');
const HEAPS = Buffer.from('],"heaps":[');
const ITEMS = Buffer.from('"items":[');
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const LEFT = 0x5b;
const RIGHT = 0x5d;
const BRACE_LEFT = 0x7b;
const BRACE_RIGHT = 0x7d;

export function cutIndex(text: Buffer, per: number): CutIndex | null {
  if (text.length < OPEN.length || text.compare(OPEN, 0, OPEN.length, 0, OPEN.length) !== 0) return null;
  const entries: Uint8Array[] = [];
  // The head is the text without the inside of these arrays: [from, to) ranges, in order.
  const removed: Array<[number, number]> = [];
  const entriesEnd = elements(text, OPEN.length - 1, per, entries);
  if (entriesEnd < 0 || !startsAt(text, entriesEnd, HEAPS)) return null;
  removed.push([OPEN.length, entriesEnd]);
  const heapItems: Uint8Array[][] = [];
  let at = entriesEnd + HEAPS.length;
  while (text[at] !== RIGHT) {
    if (heapItems.length > 0) {
      if (text[at] !== COMMA) return null;
      at += 1;
    }
    if (text[at] !== BRACE_LEFT) return null;
    // A heap's keys before its items are a symbol, a side and an offset: a quote inside a JSON
    // string is escaped, so the first `"items":[` after the heap's brace is its key.
    const items = text.indexOf(ITEMS, at);
    if (items < 0) return null;
    const open = items + ITEMS.length - 1;
    const pieces: Uint8Array[] = [];
    const close = elements(text, open, per, pieces);
    if (close < 0 || text[close + 1] !== BRACE_RIGHT || text[close + 2] !== BRACE_RIGHT) return null;
    removed.push([open + 1, close]);
    heapItems.push(pieces);
    at = close + 3;
  }
  let head = '';
  let from = 0;
  for (const [a, b] of removed) {
    head += text.toString('utf8', from, a);
    from = b;
  }
  head += text.toString('utf8', from);
  // The rest must be an index whose every heap lost exactly its items here (a heap without an
  // items key would otherwise hand the next heap's items to it).
  let parsed: LiquidationIndexData;
  try {
    parsed = JSON.parse(head) as LiquidationIndexData;
  } catch {
    return null;
  }
  if (!Array.isArray(parsed.entries) || parsed.entries.length > 0 || !Array.isArray(parsed.heaps) || parsed.heaps.length !== heapItems.length) return null;
  if (!parsed.heaps.every((h) => Array.isArray(h?.heap?.items) && h.heap.items.length === 0)) return null;
  return { head: parsed, entries, heapItems };
}

function startsAt(text: Buffer, at: number, what: Buffer): boolean {
  return text.compare(what, 0, what.length, at, at + what.length) === 0;
}

/**
 * The elements of the array opening at `open`, `per` to a piece pushed onto `pieces`; answers
 * the position of its closing bracket, or -1 if the text ends first.
 */
function elements(text: Buffer, open: number, per: number, pieces: Uint8Array[]): number {
  let depth = 0;
  let inString = false;
  let first = -1;
  let count = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i]!;
    if (inString) {
      if (c === BACKSLASH) i += 1;
      else if (c === QUOTE) inString = false;
      continue;
    }
    if (c === QUOTE) inString = true;
    else if (c === LEFT || c === BRACE_LEFT) depth += 1;
    else if (c === BRACE_RIGHT || (c === RIGHT && depth > 0)) depth -= 1;
    else if (depth === 0 && (c === COMMA || c === RIGHT)) {
      // An element ends here.
      count += 1;
      if (count === per || c === RIGHT) {
        if (first >= 0) pieces.push(bracketed(text, first, i));
        first = -1;
        count = 0;
      }
      if (c === RIGHT) return i;
      continue;
    }
    if (first < 0) first = i;
  }
  return -1;
}
