/**
 * The one Content-Security-Policy for the renderer, sent as a header by both shells (and as a
 * <meta> in index.html). lightweight-charts draws on canvas and needs nothing more; React sets
 * styles through the CSSOM, which style-src does not govern.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  // 'self' covers the web host's same-origin ws:// under CSP3.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
