import { useEffect, useRef, useState } from 'react';

/**
 * A counter that follows `value` but moves at most once per `ms` of wall time: the preview and
 * the Market tab refresh as the replay runs, without a request per pushed state at 600x.
 */
export function useThrottledVersion(value: unknown, ms: number): number {
  const [version, setVersion] = useState(0);
  const last = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, last.current + ms - performance.now());
    const timer = setTimeout(() => {
      last.current = performance.now();
      setVersion((v) => v + 1);
    }, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return version;
}
