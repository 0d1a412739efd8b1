import type { Engine } from '#main/engine/engine';
import { hashOffMain } from './hash-off-main';

/**
 * From how many accounts the state hash is taken off main: about 10 ms of hashing each thousand
 * on main, so 5,000 stays within a 50 ms block. (It was 20,000 while a slow trading.session made
 * the Trade view re-make its order ticket under a click; the ticket is now keyed by the scenario.)
 */
const BIG_HASH_ACCOUNTS = 5_000;

export interface StateHasherDeps {
  /** The engine as queries see it, and the session's key (part of what identifies a state). */
  readonly engine: () => Engine;
  readonly sessionKey: () => string;
  /** The workspace file (a worker reads the log there), when there is one. */
  readonly dbPath: string | null;
  /** Commits buffered events, so the log holds the state being hashed. */
  readonly flush: () => void;
  /** Whether the engine is mid-event (a crowd opening): its hash is then the stand-in's. */
  readonly busy: () => boolean;
}

/**
 * The engine's state hash, cached until the next event. Hashing a 100,000-trader state takes
 * a second or more, so a big one is hashed by a worker from the log (hash-off-main.ts) and the
 * answer waits for it while main's event loop runs on.
 */
export class StateHasher {
  private cache: { readonly key: string; readonly hash: string } | null = null;
  private job: { readonly key: string; readonly hash: Promise<string> } | null = null;

  constructor(private readonly deps: StateHasherDeps) {}

  private key(): string {
    const st = this.deps.engine().readState;
    return `${st.seq}|${st.t}|${this.deps.sessionKey()}`;
  }

  /** A hash known from elsewhere (the reopen's worker computed it). */
  remember(hash: string): void {
    this.cache = { key: this.key(), hash };
  }

  forget(): void {
    this.cache = null;
  }

  /** Now, on this thread. */
  now(): string {
    const key = this.key();
    if (this.cache?.key !== key) this.cache = { key, hash: this.deps.engine().stateHash() };
    return this.cache.hash;
  }

  /** Of the state as it is when this is called; off main when the state is big. */
  soon(): Promise<string> {
    const key = this.key();
    if (this.cache?.key === key) return Promise.resolve(this.cache.hash);
    const st = this.deps.engine().readState;
    if (this.deps.busy() || st.accounts.size < BIG_HASH_ACCOUNTS || !this.deps.dbPath) return Promise.resolve(this.now());
    if (this.job?.key !== key) {
      this.deps.flush();
      const hash = hashOffMain(this.deps.dbPath, st.seq).then((h) => {
        if (this.job?.key === key) this.cache = { key, hash: h };
        return h;
      });
      this.job = { key, hash };
    }
    return this.job.hash;
  }
}
