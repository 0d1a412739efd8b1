import type { Result } from '#shared/ipc/result';

/** How the renderer reaches main: Electron IPC or the web host. The UI cannot tell them apart. */
export interface Transport {
  readonly shell: 'electron' | 'web';
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** Connection state of the event stream (always 'open' under Electron). */
  onStatus(listener: (status: StreamStatus) => void): () => void;
  /**
   * A path main can read for a File the user picked or dropped: its own path under Electron, or a
   * copy uploaded to the web host (progress in bytes). One import code path for both shells.
   */
  fileToPath(file: File, onProgress?: (sent: number, total: number) => void): Promise<Result<{ path: string; name: string }>>;
}

/**
 * 'closed': the host does not answer (stopped, crashed, restarting); the page keeps trying.
 * 'refused': a host answers on this port but refuses this page's token (another workspace, or a new token).
 */
export type StreamStatus = 'connecting' | 'open' | 'closed' | 'refused';
