import fs from 'node:fs/promises';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from './csp';
import { contentTypeOf, resolveStatic } from './static-files';

import { APP_ORIGIN } from './trust';

export const APP_SCHEME = 'app';
export const APP_HOST = 'levdesk';
export const APP_URL = `${APP_ORIGIN}/index.html`;

/** Must run before app 'ready': app:// behaves like https (secure context, fetch, storage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from disk under app://levdesk/, never file://, with a traversal guard. */
export function serveAppScheme(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('unknown host', { status: 404 });
    const file = resolveStatic(rendererDir, url.pathname);
    if (!file) return new Response('forbidden', { status: 403 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'Content-Type': contentTypeOf(file),
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
        },
      });
    } catch {
      return new Response('not found', { status: 404 });
    }
  });
}
