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
  rowAt(index: number): T | undefined;
  /** The rows [start, end) are on screen: fetch the pages they need. */
  requestRange(start: number, end: number): void;
}

/**
 * Rows that live in main and arrive a page at a time (the crowd's 100,000 positions): sorted
 * server-side, cached by page, refreshed in place when `version` moves (at most every
 * `minRefreshMs`, so a 600x replay does not turn into a request storm). Results for an old sort
 * order are dropped.
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
  const [, setRevision] = useState(0);
  const sortKey = JSON.stringify(sorting);
  const sortingRef = useRef(sorting);

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
          setRevision((r) => r + 1);
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

  const requestRange = useCallback(
    (start: number, end: number) => {
      visible.current = [start, end];
      const first = Math.floor(Math.max(0, start) / pageSize);
      const last = Math.floor(Math.max(start, end - 1) / pageSize);
      for (let p = first; p <= last; p++) {
        const cached = cache.current.get(p);
        if (!cached || cached.version !== versionRef.current) load(p);
      }
    },
    [load, pageSize],
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

  return { total, loaded, rowAt, requestRange };
}
