import { useEffect, useRef, useState } from 'react';
import type { EstimateParams, HeatmapGrid, HeatmapLevelsView, HeatmapSource } from '#shared/domain/heatmap';
import type { Result } from '#shared/ipc/result';
import type { ApiClient } from '../../api/client';
import { useApi } from '../../api/context';
import { applyGrid, type HeldGrid, type ViewGrid } from './grid-wire';
import { fetchDots, type HeldDots } from './dots-feed';
import type { LiquidationDot } from './heatmap-overlays';

export interface HeatmapWindow {
  readonly t0: number;
  readonly t1: number;
  readonly p0: number;
  readonly p1: number;
}

export interface HeatmapQuery {
  readonly source: HeatmapSource | 'auto';
  readonly window: HeatmapWindow | null;
  readonly layers: { long: boolean; short: boolean; stops: boolean };
  readonly estimate: EstimateParams;
  readonly cols: number;
  readonly rows: number;
  /** The cursor map's time; null follows the replay clock. */
  readonly cursor: number | null;
  readonly bins: number;
}

/** Re-asks main at most this often while the replay plays (a grid is a few ms there, the transfer more). */
const REFRESH_MS = 500;

function fetchGrid(api: ApiClient, q: HeatmapQuery, base: string | undefined): Promise<[Result<HeatmapGrid>, Result<HeatmapLevelsView>]> {
  return Promise.all([
    api.call('heatmap.grid', { source: q.source, ...(q.window ?? {}), cols: q.cols, rows: q.rows, layers: q.layers, estimate: q.estimate, ...(base !== undefined ? { base } : {}) }),
    api.call('heatmap.levels', { source: q.source, bins: q.bins, estimate: q.estimate, ...(q.cursor !== null ? { t: q.cursor } : {}) }),
  ]);
}

/**
 * The view's data: the grid, the exact levels at the cursor, and the realised liquidations,
 * fetched when the query changes and refreshed (throttled) on replay frames and resets.
 */
export function useHeatmap(q: HeatmapQuery) {
  const api = useApi();
  const [grid, setGrid] = useState<ViewGrid | null>(null);
  /** The grid's cells as the view holds them (its version): main then sends only the columns that changed. */
  const held = useRef<HeldGrid | null>(null);
  const [levels, setLevels] = useState<HeatmapLevelsView | null>(null);
  const [dots, setDots] = useState<readonly LiquidationDot[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const [dotsTick, setDotsTick] = useState(0);
  const latest = useRef(q);
  /** The dots held and where they stop (dots-feed.ts); null after a reset (fetch them again whatever main says). */
  const heldDots = useRef<HeldDots | null>(null);
  useEffect(() => {
    latest.current = q;
  }, [q]);

  // A refresh for the same query is not started while one is in flight: it is asked again when that
  // one lands. Dropping the older answer for a newer request instead meant that when main took
  // longer than REFRESH_MS per grid (a loaded machine at 600x) no grid ever landed, while the
  // requests piled up in main. An answer for a query no longer current is dropped.
  const inFlight = useRef<HeatmapQuery | null>(null);
  const pending = useRef(false);
  const [again, setAgain] = useState(0);
  // Cleared on unmount only: a tick's cleanup must not drop the answer still in flight.
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);
  useEffect(() => {
    if (inFlight.current === q) {
      pending.current = true;
      return;
    }
    inFlight.current = q;
    void fetchGrid(api, q, held.current?.version ?? undefined).then(([g, l]) => {
      if (inFlight.current === q) inFlight.current = null;
      // Decoded (and a delta applied) even for an answer no longer wanted: it is what main now
      // believes the view holds, and the base of the next delta.
      const view = g.ok ? applyGrid(held.current, g.value) : null;
      if (g.ok) held.current = view ? { version: g.value.version, cells: view.cells } : null;
      if (!alive.current || latest.current !== q) return;
      if (view) setGrid(view);
      else if (g.ok) pending.current = true; // a delta on a grid no longer held: ask again for the whole grid
      if (l.ok) setLevels(l.value);
      setError(!g.ok ? g.error.message : !l.ok ? l.error.message : null);
      if (pending.current) {
        pending.current = false;
        setAgain((n) => n + 1);
      }
    });
  }, [api, q, tick, again]);

  // The liquidations likewise: one fetch at a time, asked again when it lands if a tick came meanwhile;
  // an answer from before a reset (a new `dotsGen`) is dropped and asked again.
  const dotsBusy = useRef(false);
  const dotsGen = useRef(0);
  const dotsPending = useRef(false);
  useEffect(() => {
    if (dotsBusy.current) {
      dotsPending.current = true;
      return;
    }
    dotsBusy.current = true;
    const gen = dotsGen.current;
    void fetchDots(api, heldDots.current).then((d) => {
      dotsBusy.current = false;
      const reset = gen !== dotsGen.current;
      // Null when unchanged (the usual case between liquidations): the same array draws nothing new.
      if (alive.current && d !== null && !reset) {
        heldDots.current = d;
        setDots(d.dots);
      }
      if (alive.current && (dotsPending.current || reset)) {
        dotsPending.current = false;
        setDotsTick((n) => n + 1);
      }
    });
  }, [api, dotsTick]);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let dotsTimer: ReturnType<typeof setTimeout> | null = null;
    const schedule = (): void => {
      if (timer === null) timer = setTimeout(() => ((timer = null), setTick((n) => n + 1)), REFRESH_MS);
      if (dotsTimer === null) dotsTimer = setTimeout(() => ((dotsTimer = null), setDotsTick((n) => n + 1)), REFRESH_MS * 4);
    };
    const offFrame = api.on('replay.frame', schedule);
    const offState = api.on('trading.state', schedule);
    const offReset = api.on('trading.reset', () => {
      heldDots.current = null;
      dotsGen.current += 1;
      setTick((n) => n + 1);
      setDotsTick((n) => n + 1);
    });
    return () => {
      offFrame();
      offState();
      offReset();
      if (timer !== null) clearTimeout(timer);
      if (dotsTimer !== null) clearTimeout(dotsTimer);
    };
  }, [api]);

  // A reopened workspace's history arrives from a worker with no event of its own: ask again until it is in.
  useEffect(() => {
    if (grid?.history !== 'rebuilding') return;
    const timer = setTimeout(() => setTick((n) => n + 1), 1000);
    return () => clearTimeout(timer);
  }, [grid]);

  return { grid, levels, dots, error };
}
