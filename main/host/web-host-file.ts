import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * What the web host keeps in the data folder so a bookmarked link survives a restart: its access
 * token (random, made once per workspace folder; only ever sent in the URL's fragment) and the
 * port it last served on. Readable by the owner only: the token is the key to the workspace.
 */
export const WEB_HOST_FILE = 'web-host.json';

export interface WebHostIdentity {
  readonly token: string;
  /** The last port served on; null before the first start. */
  readonly port: number | null;
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The saved identity, or a new one (a missing, unreadable or malformed file, or `fresh`). */
export function loadIdentity(dataDir: string, fresh = false): WebHostIdentity {
  if (!fresh) {
    try {
      const saved = JSON.parse(fs.readFileSync(path.join(dataDir, WEB_HOST_FILE), 'utf8')) as { token?: unknown; port?: unknown };
      if (typeof saved.token === 'string' && TOKEN_SHAPE.test(saved.token)) {
        const port = typeof saved.port === 'number' && Number.isInteger(saved.port) && saved.port > 0 && saved.port < 65536 ? saved.port : null;
        return { token: saved.token, port };
      }
    } catch {
      // First start, or a damaged file: a new token below.
    }
  }
  return { token: newToken(), port: null };
}

/** Written whole (temp file and rename): a crash never leaves half a token. */
export function saveIdentity(dataDir: string, identity: WebHostIdentity): void {
  const file = path.join(dataDir, WEB_HOST_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, `${JSON.stringify({ token: identity.token, port: identity.port }, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(temp, file);
}
