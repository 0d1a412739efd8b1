import type { Channel, Input, Output } from '#shared/ipc/contract';
import type { IpcError } from '#shared/ipc/errors';
import type { EventName, EventPayload } from '#shared/ipc/events';
import type { Result } from '#shared/ipc/result';
import type { StreamStatus, Transport } from './transport';

/** A failed call, for code paths that prefer throwing (effects, loaders). */
export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(readonly error: IpcError) {
    super(error.message);
  }
}

type InputArgs<C extends Channel> = Record<string, never> extends Input<C> ? [input?: Input<C>] : [input: Input<C>];

/** The renderer's typed view of the contract; one instance per window. */
export class ApiClient {
  constructor(private readonly transport: Transport) {}

  get shell(): 'electron' | 'web' {
    return this.transport.shell;
  }

  call<C extends Channel>(channel: C, ...args: InputArgs<C>): Promise<Result<Output<C>>> {
    return this.transport.invoke(channel, args[0] ?? {}) as Promise<Result<Output<C>>>;
  }

  /** Like call, but resolves with the value or rejects with ApiError. */
  async get<C extends Channel>(channel: C, ...args: InputArgs<C>): Promise<Output<C>> {
    const result = await this.call(channel, ...args);
    if (!result.ok) throw new ApiError(result.error);
    return result.value;
  }

  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    return this.transport.subscribe(event, listener as (p: unknown) => void);
  }

  onStatus(listener: (status: StreamStatus) => void): () => void {
    return this.transport.onStatus(listener);
  }

  /** A path main can import from, for a File the user picked or dropped (see Transport.fileToPath). */
  fileToPath(file: File, onProgress?: (sent: number, total: number) => void): Promise<Result<{ path: string; name: string }>> {
    return this.transport.fileToPath(file, onProgress);
  }
}
