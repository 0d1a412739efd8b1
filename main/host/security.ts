import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/**
 * DNS-rebinding and cross-site guards for the web host. A page on another origin can make the
 * browser talk to 127.0.0.1, but it cannot forge Host (rebinding shows the attacker's name) nor
 * Origin, and it never sees the token.
 */
export function allowedHosts(port: number): Set<string> {
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`]);
}

export function hostIsAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host;
  return typeof host === 'string' && allowedHosts(port).has(host.toLowerCase());
}

/** Origin may be absent (same-origin GET, curl) but when present must be the host itself. */
export function originIsAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

export function tokensEqual(given: string | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function bearerToken(req: IncomingMessage): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) return undefined;
  return auth.slice('Bearer '.length);
}

export const WS_PROTOCOL = 'levdesk';
export const WS_TOKEN_PREFIX = 'token.';

/** Browsers cannot set headers on a WebSocket, so the token rides as a second subprotocol. */
export function tokenFromProtocols(header: string | string[] | undefined): string | undefined {
  const found = protocolsOf(header).find((p) => p.startsWith(WS_TOKEN_PREFIX));
  return found?.slice(WS_TOKEN_PREFIX.length);
}

/** The subprotocols a WebSocket handshake asks for. */
export function protocolsOf(header: string | string[] | undefined): string[] {
  const raw = Array.isArray(header) ? header.join(',') : (header ?? '');
  return raw
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
