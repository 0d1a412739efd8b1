import { useCallback, useEffect, useRef, useState } from 'react';
import type { SortingState } from '@tanstack/react-table';

export interface PageRequest {
  readonly offset: number;
  readonly limit: number;
  readonly sorting: SortingState;
}

export interface Page<T> {
  readonly total: number;
  readonly rows: readonly T[];
}

export type FetchPage<T> = (request: PageRequest) => Promise<Page<T>>;

interface CachedPage<T> {
  readonly rows: readonly T[];
  /** The data version the page was read at; older pages are shown until their refresh lands. */
  readonly version: number;
}

export interface PagedRows<T> {
  readonly total: number;
  readonly loaded: boolean;
  /** Bumped when a page on screen arrived: `rowAt` is stable, the rows behind it are not. */
  readonly revision: number;
  rowAt(index: number): T | undefined;
  /** The rows [start, end) are on screen: fetch the pages they need. */
  requestRange(start: number, end: number): void;
}

/** A range that moved further than this many rows since the last one is a jump (a scrollbar drag, End). */
const JUMP_ROWS = 100;
/** After a jump, pages are asked for once the range has stood still this long (or waited MAX_DEFER_MS). */
const STILL_MS = 60;
const MAX_DEFER_MS = 200;

/**
 * Rows that live in main and arrive a page at a time (the crowd's 100,000 positions): sorted
 * server-side, cached by page, refreshed in place when `version` moves (at most every
 * `minRefreshMs`, so a 600x replay does not turn into a request storm). Results for an old sort
 * order are dropped. A steady scroll also fetches half a page ahead, so the next rows are there
 * before they scroll in; a sweep through the list waits until it slows down (STILL_MS) instead of
 * asking for every page it passes, each of whose answers would re-render the table.
 */
export function usePagedRows<T>(fetchPage: FetchPage<T>, sorting: SortingState, version: number, pageSize = 100, minRefreshMs = 400): PagedRows<T> {
  const cache = useRef(new Map<number, CachedPage<T>>());
  const inflight = useRef(new Map<number, number>());
  const generation = useRef(0);
  const visible = useRef<[number, number]>([0, 40]);
  const versionRef = useRef(version);
  const lastRefresh = useRef(0);
  const [total, setTotal] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [revision, setRevision] = useState(0);
  const sortKey = JSON.stringify(sorting);
  const sortingRef = useRef(sorting);
  const deferred = useRef<{ timer: ReturnType<typeof setTimeout>; since: number } | null>(null);

  const load = useCallback(
    (page: number) => {
      const gen = generation.current;
      const wanted = versionRef.current;
      if (inflight.current.get(page) === wanted) return;
      inflight.current.set(page, wanted);
      fetchPage({ offset: page * pageSize, limit: pageSize, sorting: sortingRef.current })
        .then((result) => {
          if (gen !== generation.current) return;
          cache.current.set(page, { rows: result.rows, version: wanted });
          setTotal(result.total);
          setLoaded(true);
          // A page the view has already scrolled past is kept, but is no reason to re-render.
          const [s, e] = visible.current;
          if ((page + 1) * pageSize > s && page * pageSize < e) setRevision((r) => r + 1);
        })
        .catch(() => {
          // A failed page stays missing and is asked for again on the next scroll or refresh.
        })
        .finally(() => {
          if (inflight.current.get(page) === wanted) inflight.current.delete(page);
        });
    },
    [fetchPage, pageSize],
  );

  const fetchVisible = useCallback(() => {
    const [start, end] = visible.current;
    const ahead = Math.floor(pageSize / 2);
    const first = Math.floor(Math.max(0, start - ahead) / pageSize);
    const last = Math.floor(Math.max(start, end - 1 + ahead) / pageSize);
    for (let p = first; p <= last; p++) {
      const cached = cache.current.get(p);
      if (!cached || cached.version !== versionRef.current) load(p);
    }
  }, [load, pageSize]);

  const requestRange = useCallback(
    (start: number, end: number) => {
      const jumped = Math.abs(start - visible.current[0]) > JUMP_ROWS;
      visible.current = [start, end];
      const now = performance.now();
      if (deferred.current) clearTimeout(deferred.current.timer);
      if (!jumped && !deferred.current) return fetchVisible();
      const since = deferred.current?.since ?? now;
      const fire = (): void => {
        deferred.current = null;
        fetchVisible();
      };
      deferred.current = { timer: setTimeout(fire, Math.max(0, Math.min(STILL_MS, since + MAX_DEFER_MS - now))), since };
    },
    [fetchVisible],
  );
  useEffect(
    () => () => {
      if (deferred.current) clearTimeout(deferred.current.timer);
    },
    [],
  );

  // A new sort order invalidates every cached page: their rows are in the old order.
  useEffect(() => {
    sortingRef.current = JSON.parse(sortKey) as SortingState;
    generation.current += 1;
    cache.current.clear();
    inflight.current.clear();
    const [s, e] = visible.current;
    requestRange(s, e);
  }, [sortKey, requestRange]);

  // A new data version refreshes what is on screen, throttled.
  useEffect(() => {
    versionRef.current = version;
    const wait = Math.max(0, lastRefresh.current + minRefreshMs - performance.now());
    const timer = setTimeout(() => {
      lastRefresh.current = performance.now();
      const [s, e] = visible.current;
      requestRange(s, e);
    }, wait);
    return () => clearTimeout(timer);
  }, [version, minRefreshMs, requestRange]);

  const rowAt = useCallback(
    (index: number): T | undefined => {
      const page = cache.current.get(Math.floor(index / pageSize));
      return page?.rows[index % pageSize];
    },
    [pageSize],
  );

  return { total, loaded, revision, rowAt, requestRange };
}
