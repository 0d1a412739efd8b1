import type { LiquidationIndexSource } from '../index/liquidation-index';
import type { EngineState } from './engine-state';
import { accountSnap, snapshotWith } from './snapshot';
import { sortedAccountIds } from './sorted-ids';

/** Where the pieces of a text go, in order, as they are written. */
export type PartSink = (part: string) => void;

/**
 * An engine snapshot's canonical text (what stateHash hashes and the journal stores), written a
 * slice of accounts at a time so a 100,000-trader state (55 MB, ~1.5 s at once) can be
 * snapshotted without holding main's event loop (issue 10 item 7). The pieces joined are, character
 * for character, canonicalJson(snapshotState(st)): JSON.stringify writes an array element the
 * same alone or inside the array, and "accounts" is the snapshot's first key in sorted order.
 * The state must not change until the generator ends. With a `sink` the pieces go to it as they
 * are written and the result is empty: kept until the end, the 55 MB of a 100,000-trader text
 * outlived young collections, and the close that wrote it grew the heap to ~1 GB and paused main
 * ~170 ms in the collection after.
 */
export function* snapshotTextSteps(st: EngineState, every: number, sink?: PartSink): Generator<void, string[]> {
  const parts: string[] = [];
  const put: PartSink = sink ?? ((part) => void parts.push(part));
  const ids = sortedAccountIds(st.accounts);
  yield;
  const rest = JSON.stringify(snapshotWith(st, []));
  if (!rest.startsWith(OPEN + ']')) throw new Error('an engine snapshot no longer starts with its accounts');
  put(OPEN);
  yield* sliced(
    (function* () {
      for (const id of ids) yield accountSnap(st.accounts.get(id)!);
    })(),
    every,
    put,
  );
  put(rest.slice(OPEN.length));
  return parts;
}

const OPEN = '{"accounts":[';

/**
 * JSON text of an exported liquidation index (stored beside a snapshot, outside its hash), its
 * entries and the items of its heaps written a slice at a time (100,000 heap items at once held
 * main ~60 ms): the same data as JSON.stringify(index) (key order aside).
 */
export function* indexTextSteps(index: LiquidationIndexSource, every: number, sink?: PartSink): Generator<void, string[]> {
  const parts: string[] = [];
  const put: PartSink = sink ?? ((part) => void parts.push(part));
  const rest = JSON.stringify({ ...index, entries: [], heaps: [] });
  if (!rest.startsWith(INDEX_HEAD)) throw new Error('an exported liquidation index no longer starts with its entries and heaps');
  put(INDEX_OPEN);
  yield* sliced(index.entries, every, put);
  put('],"heaps":[');
  for (let n = 0; n < index.heaps.length; n++) {
    const h = index.heaps[n]!;
    // `{"symbol":…,"side":…,"heap":{"offset":…,"items":[]}}` without its last three characters.
    const head = JSON.stringify({ symbol: h.symbol, side: h.side, heap: { offset: h.heap.offset, items: [] } });
    put((n > 0 ? ',' : '') + head.slice(0, -3));
    yield* sliced(h.heap.items, every, put);
    put(']}}');
  }
  put(']' + rest.slice(INDEX_HEAD.length));
  return parts;
}

const INDEX_OPEN = '{"format":1,"entries":[';
const INDEX_HEAD = `${INDEX_OPEN}],"heaps":[]`;

/** The JSON texts of `rows` (read once, in order), comma-separated, `every` to a part, pausing after each. */
function* sliced(rows: Iterable<unknown>, every: number, put: PartSink): Generator<void, void> {
  let chunk: string[] = [];
  let written = 0;
  for (const row of rows) {
    chunk.push(JSON.stringify(row));
    if (chunk.length === every) {
      put((written++ > 0 ? ',' : '') + chunk.join(','));
      chunk = [];
      yield;
    }
  }
  if (chunk.length > 0) {
    put((written > 0 ? ',' : '') + chunk.join(','));
    yield;
  }
}
