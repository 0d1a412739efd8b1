import type { Result } from '#shared/ipc/result';

/** How the renderer reaches main: Electron IPC or the web host. The UI cannot tell them apart. */
export interface Transport {
  readonly shell: 'electron' | 'web';
  invoke(channel: string, input: unknown): Promise<Result<unknown>>;
  subscribe(event: string, listener: (payload: unknown) => void): () => void;
  /** Connection state of the event stream (always 'open' under Electron). */
  onStatus(listener: (status: StreamStatus) => void): () => void;
}

export type StreamStatus = 'connecting' | 'open' | 'closed';
