import { useEffect, useState } from 'react';
import type { AppInfo } from '#shared/ipc/channels/app';
import { useApi } from '../api/context';
import type { StreamStatus } from '../api/transport';

export function StatusBar() {
  const api = useApi();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [stream, setStream] = useState<StreamStatus>('connecting');

  useEffect(() => {
    void api.call('app.info').then((r) => r.ok && setInfo(r.value));
    return api.onStatus(setStream);
  }, [api]);

  return (
    <footer className="statusbar" data-testid="statusbar">
      <span data-testid="status-shell">{api.shell === 'electron' ? 'Electron' : 'Web host'}</span>
      <span className={`stream stream-${stream}`} title="Event stream">
        {stream === 'open' ? 'live' : stream}
      </span>
      <span className="grow mono" data-testid="status-workspace" title="Workspace file">
        {info?.workspacePath ?? ''}
      </span>
      <span data-testid="status-version">Levdesk {info?.version ?? ''}</span>
    </footer>
  );
}
