import { useEffect } from 'react';
import { useApi } from '../../../api/context';
import { useToasts } from '../../../components/toast/toast-context';
import { utcTime } from '../format';

/**
 * What a reset of the session means for the trader: another scenario clears the old one's toasts;
 * a seek back that cut the trader's own commands from the log says how many (the timeline forks:
 * playing on will not place them again).
 */
export function useSessionNotices(): void {
  const api = useApi();
  const toasts = useToasts();
  useEffect(
    () =>
      api.on('trading.reset', (r) => {
        if (r.reason === 'session') {
          toasts.clear();
          return;
        }
        if (r.discardedCommands === 0) return;
        const n = r.discardedCommands;
        toasts.push({
          kind: 'info',
          title: `Rewound to ${utcTime(r.t)}: ${n} of your commands ${n === 1 ? 'was' : 'were'} dropped`,
          body: 'Orders, cancels and changes you made after this time are gone from the session; playing on will not repeat them.',
          ttlMs: 10_000,
        });
      }),
    [api, toasts],
  );
}
