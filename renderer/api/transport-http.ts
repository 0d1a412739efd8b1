import type { Result } from '#shared/ipc/result';
import type { StreamStatus, Transport } from './transport';

const TOKEN_KEY = 'levdesk.token';

/** The host refused the token: forget it, so the next link the user opens starts clean. */
export function forgetToken(): void {
  sessionStorage.removeItem(TOKEN_KEY);
}

/** Whether the host accepts this token: 'ok', 'refused' (403) or 'unreachable'. */
export async function probeHost(token: string): Promise<'ok' | 'refused' | 'unreachable'> {
  try {
    const res = await fetch('/api/rpc/app.info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: '{}',
    });
    return res.status === 403 ? 'refused' : 'ok';
  } catch {
    return 'unreachable';
  }
}

/** The token arrives in the URL fragment once; keep it for reloads and take it out of the address bar. */
export function takeToken(): string | null {
  const match = /(?:^#|&)token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Longest wait between two reconnection attempts while the host is gone. */
const MAX_RETRY_MS = 2000;

export function httpTransport(token: string): Transport {
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  const statusListeners = new Set<(s: StreamStatus) => void>();
  let status: StreamStatus = 'connecting';
  let retry = 250;
  let everOpen = false;
  let lost = false;

  const setStatus = (s: StreamStatus): void => {
    status = s;
    for (const l of statusListeners) l(s);
  };

  const connect = (): void => {
    const ws = new WebSocket(`ws://${window.location.host}/api/events`, ['levdesk', `token.${token}`]);
    ws.onopen = () => {
      retry = 250;
      // Back after the host was gone: it is a new process (its replay clock, its state), so the
      // page starts over from what the workspace holds rather than patching a stale picture.
      if (everOpen && lost) return window.location.reload();
      everOpen = true;
      lost = false;
      setStatus('open');
    };
    ws.onmessage = (msg) => {
      const frame = JSON.parse(String(msg.data)) as { type: string; payload: unknown };
      for (const l of listeners.get(frame.type) ?? []) l(frame.payload);
    };
    ws.onclose = () => {
      lost = true;
      // A browser does not say why a WebSocket failed: ask the host whether it is gone or refusing us.
      void probeHost(token).then((answer) => {
        setStatus(answer === 'refused' ? 'refused' : 'closed');
        setTimeout(connect, retry);
        retry = Math.min(retry * 2, MAX_RETRY_MS);
      });
    };
  };
  connect();

  return {
    shell: 'web',
    async invoke(channel, input) {
      try {
        const res = await fetch(`/api/rpc/${encodeURIComponent(channel)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
        return (await res.json()) as Result<unknown>;
      } catch (err) {
        return { ok: false, error: { code: 'INTERNAL', message: `The Levdesk host is unreachable (${(err as Error).message})` } };
      }
    },
    subscribe(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => set.delete(listener);
    },
    onStatus(listener) {
      statusListeners.add(listener);
      listener(status);
      return () => statusListeners.delete(listener);
    },
    fileToPath(file, onProgress) {
      return uploadFile(token, file, onProgress);
    },
  };
}

/** Streams a file to the web host's upload endpoint (XHR: fetch reports no upload progress). */
function uploadFile(token: string, file: File, onProgress?: (sent: number, total: number) => void): Promise<Result<{ path: string; name: string }>> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/api/upload?name=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress?.(e.loaded, e.total);
    xhr.onload = () => {
      try {
        resolve(JSON.parse(xhr.responseText) as Result<{ path: string; name: string }>);
      } catch {
        resolve({ ok: false, error: { code: 'INTERNAL', message: `the upload of ${file.name} failed (HTTP ${xhr.status})` } });
      }
    };
    xhr.onerror = () => resolve({ ok: false, error: { code: 'INTERNAL', message: `the upload of ${file.name} failed: the Levdesk host is unreachable` } });
    xhr.send(file);
  });
}
