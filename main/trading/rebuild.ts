import { createHash } from 'node:crypto';
import { Engine } from '#main/engine/engine';
import type { LiquidationIndexData } from '#main/engine/index/liquidation-index';
import { useTextHasher } from '#main/engine/state/hash';
import { restoreState, restoredAccountsText, snapshotState, type AccountSnap, type EngineSnapshot } from '#main/engine/state/snapshot';
import { canonicalJson } from '#main/engine/state/hash';
import type { CutSnapshot } from './snapshot-cut';
import type { StoredSnapshot, TradingLogRepo } from '../store/trading-log-repo';

export function sha256(text: string | Uint8Array): string {
  return typeof text === 'string' ? createHash('sha256').update(text, 'utf8').digest('hex') : createHash('sha256').update(text).digest('hex');
}

// Main (and its workers) hash engine states with node:crypto's native sha256 instead of the pure
// engine's JavaScript one (same digests, ~40x faster): every code path that opens a trading
// workspace comes through this module.
useTextHasher(sha256);

/** The stored liquidation index, or undefined (none, or unreadable: the restore then solves everything). */
export function parseIndex(text: string | null | undefined): LiquidationIndexData | undefined {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as LiquidationIndexData;
  } catch {
    return undefined;
  }
}

/** That a stored snapshot's body (text, or its UTF-8 bytes) is the one its hash was taken of. */
export function checkSnapshotHash(snap: Pick<StoredSnapshot, 'seq' | 'hash'> & { readonly body: string | Uint8Array }): void {
  if (sha256(snap.body) !== snap.hash) throw new Error(`trading snapshot at event ${snap.seq} does not match its hash: the workspace is damaged`);
}

/** A stored snapshot's body, checked against its hash (when asked) and parsed. */
export function readSnapshot(snap: StoredSnapshot, verify: boolean): { readonly state: EngineSnapshot; readonly index: LiquidationIndexData | undefined } {
  if (verify) checkSnapshotHash(snap);
  return { state: JSON.parse(snap.body) as EngineSnapshot, index: parseIndex(snap.index) };
}

/**
 * That a restored engine serialises to the stored snapshot again: its canonical text is the
 * stored body (a string comparison: no second sha256 of 55 MB). The body's own hash was checked
 * by readSnapshot (call it after readSnapshot(snap, true)), so the engine's state hash is the stored one: it is remembered for the
 * journal's open report.
 */
export function checkRestored(engine: Engine, snap: StoredSnapshot): void {
  checkRestoredText(engine.canonicalText(), snap);
  engine.rememberStateHash(snap.hash);
}

/** That the canonical text of a state restored from `snap` is its stored body. */
export function checkRestoredText(text: string, snap: StoredSnapshot): void {
  if (text !== snap.body) throw notRestoring(snap.seq);
}

/**
 * checkRestoredText for a snapshot body cut into its accounts (snapshot-cut.ts), a slice at a
 * time: the body without its accounts restores to its own text, each slice of accounts to its
 * own, and the ids strictly increase (snapshotState writes the accounts sorted by id, and a
 * restore's map keeps one of two equal ids). Together that is the whole body's text, as
 * restoring the whole state and writing it out would give, without holding 100,000 accounts
 * three times over at once (parsed, restored, written). With `mainChecks` n > 0 it leaves every
 * n-th piece to main, which checks it from the accounts it restored anyway (main-piece-check.ts).
 */
export function checkCutRestores(body: Buffer, cut: Pick<CutSnapshot, 'head' | 'ranges'>, seq: number, mainChecks = 0): void {
  const fail = (): Error => notRestoring(seq);
  if (canonicalJson(snapshotState(restoreState(JSON.parse(cut.head) as EngineSnapshot))) !== cut.head) throw fail();
  let last: string | null = null;
  for (let i = 0; i < cut.ranges.length; i++) {
    // Main checks these, and the ids' order throughout.
    if (isMainsPiece(i, mainChecks)) continue;
    const [from, stop] = cut.ranges[i]!;
    const text = body.toString('utf8', from, stop);
    const rows = JSON.parse(`[${text}]`) as AccountSnap[];
    for (const r of rows) {
      if (last !== null && !(r.id > last)) throw fail();
      last = r.id;
    }
    if (restoredAccountsText(rows) !== text) throw fail();
  }
}

/** The error of a snapshot that matches its hash but is not the text its state writes. */
export function notRestoring(seq: number): Error {
  return new Error(`trading snapshot at event ${seq} does not restore to the same state`);
}

/** Whether account piece `i` (0-based) is one main checks when it checks every `mainChecks`-th (0: none). */
export function isMainsPiece(i: number, mainChecks: number): boolean {
  return mainChecks > 0 && (i + 1) % mainChecks === 0;
}

/** Applies one logged event on replay, checking it is accepted and lands at its sequence number. */
export function replayOne(engine: Engine, seq: number, event: Parameters<Engine['apply']>[0]): void {
  checkReplayed(engine, seq, event, engine.apply(event));
}

/** That a logged event was accepted on replay and landed at its sequence number. */
export function checkReplayed(engine: Engine, seq: number, event: Parameters<Engine['apply']>[0], r: ReturnType<Engine['apply']>): void {
  if (!r.ok) throw new Error(`trading log event ${seq} (${event.kind}) is refused on replay: ${r.rejection.message}`);
  if (engine.readState.seq !== seq) throw new Error(`trading log out of step at event ${seq}`);
}

/** The engine as of event `toSeq`: the latest snapshot at or before it (checked), then the events after it. */
export function rebuild(repo: TradingLogRepo, toSeq: number, verify: boolean): { engine: Engine; snapshotSeq: number } {
  const snap = repo.latestSnapshot(toSeq);
  let engine: Engine;
  let from = 1;
  if (snap) {
    const { state, index } = readSnapshot(snap, verify);
    engine = Engine.restore(state, index ? { index } : {});
    if (verify) checkRestored(engine, snap);
    from = snap.seq + 1;
  } else {
    engine = new Engine();
  }
  for (const { seq, event } of repo.events(from, toSeq)) replayOne(engine, seq, event);
  return { engine, snapshotSeq: snap?.seq ?? 0 };
}
