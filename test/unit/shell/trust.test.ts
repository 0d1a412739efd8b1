import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStatic } from '#main/static-files';
import { isTrustedExternalUrl, isTrustedSender } from '#main/trust';

describe('external links', () => {
  it.each(['https://www.binance.com/en/support/faq', 'https://example.org/a?b=c'])('opens %s', (url) => {
    expect(isTrustedExternalUrl(url)).toBe(true);
  });
  it.each(['http://example.org', 'file:///etc/passwd', 'javascript:alert(1)', 'https://user:pw@example.org', 'app://levdesk/index.html', 'not a url'])(
    'refuses %s',
    (url) => {
      expect(isTrustedExternalUrl(url)).toBe(false);
    },
  );
});

describe('sender frame check', () => {
  it('trusts the top frame of app://levdesk', () => {
    expect(isTrustedSender({ url: 'app://levdesk/index.html', parent: null })).toBe(true);
  });
  it.each([
    [{ url: 'app://levdesk/index.html', parent: {} }, 'a subframe'],
    [{ url: 'app://other/index.html', parent: null }, 'another app:// host'],
    [{ url: 'https://evil.example/', parent: null }, 'a web page'],
    [{ url: 'file:///tmp/x.html', parent: null }, 'a file page'],
    [null, 'no frame'],
  ] as const)('refuses %j (%s)', (frame, _why) => {
    expect(isTrustedSender(frame)).toBe(false);
  });
});

describe('static file resolution (app:// and the web host)', () => {
  const root = path.resolve('/srv/renderer');
  it('maps / and view paths to index.html', () => {
    expect(resolveStatic(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStatic(root, '/trade')).toBe(path.join(root, 'index.html'));
  });
  it('maps assets under the root', () => {
    expect(resolveStatic(root, '/app.js?v=1')).toBe(path.join(root, 'app.js'));
  });
  it.each(['/../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/a/../../secret.js', '/%00.js', '/..%5c..%5csecret.js', '/%E0%A4%A'])('refuses %s', (p) => {
    const resolved = resolveStatic(root, p);
    expect(resolved === null || resolved.startsWith(root + path.sep)).toBe(true);
    if (resolved) expect(resolved).not.toMatch(/secret|passwd/);
  });
});
