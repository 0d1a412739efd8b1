import { useEffect, useState } from 'react';
import { useApi } from '../api/context';
import type { StreamStatus } from '../api/transport';

/**
 * While the web host is gone the page must not look usable: this banner says so and what
 * happens next, and App makes the views inert underneath it. Under Electron the stream is always
 * open, so it never shows.
 */
export function useHostStatus(): StreamStatus {
  const api = useApi();
  const [status, setStatus] = useState<StreamStatus>('connecting');
  useEffect(() => api.onStatus(setStatus), [api]);
  return status;
}

export function HostBanner({ status }: { status: StreamStatus }) {
  if (status !== 'closed' && status !== 'refused') return null;
  const port = window.location.port;
  return (
    <div className="host-banner" role="alert" data-testid="host-gone" data-reason={status}>
      {status === 'closed' ? (
        <>
          <strong>The Levdesk web host is not running.</strong> Nothing you do here reaches your workspace until it is back. This page
          reconnects by itself when the host runs again on port {port} (<code>npm run web</code> with the same data folder
          {port ? <> and <code>--port {port}</code> if it moved</> : null}).
          <span className="host-banner-wait" aria-hidden="true">
            Waiting for the host…
          </span>
        </>
      ) : (
        <>
          <strong>The web host on port {port} refuses this page&apos;s token.</strong> It runs another data folder, or was started with{' '}
          <code>--new-token</code>. Open the link it printed when it started: the <code>LEVDESK_URL=…</code> line.
        </>
      )}
    </div>
  );
}
