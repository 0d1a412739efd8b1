/** Trust decisions of the Electron shell, kept free of Electron imports so tests can run them. */

export const APP_ORIGIN = 'app://levdesk';

/** Only https links without credentials leave the app, and then in the system browser. */
export function isTrustedExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

/** The part of Electron's WebFrameMain that the sender check reads. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
}

/** A call is honoured only from the top frame of our own app:// page. */
export function isTrustedSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false;
  try {
    // Node's URL gives non-special schemes an opaque origin ("null"), so compare the parts.
    const url = new URL(frame.url);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}
