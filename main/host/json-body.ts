import type { IncomingMessage } from 'node:http';
import { fail, type Result } from '#shared/ipc/result';

/** No channel's input comes near this (a saved scenario with a long script is a few hundred KiB). */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;
/** Every contract input is a few levels deep; a thousand nested arrays is an attack, not a call. */
export const MAX_JSON_DEPTH = 64;

export interface BodyRefusal {
  readonly status: 400 | 413;
  readonly result: Result<never>;
}

/**
 * Reads an RPC body with its size and nesting checked BEFORE JSON.parse: megabytes of nested
 * brackets would otherwise hold the event loop for seconds in the parser and the schema check.
 */
export async function readJsonBody(req: IncomingMessage): Promise<Result<unknown> | BodyRefusal> {
  const body = await readLimited(req, MAX_BODY_BYTES);
  if (body === null) {
    return { status: 413, result: fail({ code: 'BAD_INPUT', message: `the request body is over ${MAX_BODY_BYTES} bytes` }) };
  }
  const text = body.toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  const depth = jsonDepth(text, MAX_JSON_DEPTH);
  if (depth > MAX_JSON_DEPTH) {
    return { status: 400, result: fail({ code: 'BAD_INPUT', message: `the request body nests deeper than ${MAX_JSON_DEPTH} levels` }) };
  }
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { status: 400, result: fail({ code: 'BAD_INPUT', message: `the request body is not JSON: ${(err as Error).message.slice(0, 200)}` }) };
  }
}

export function isRefusal(r: Result<unknown> | BodyRefusal): r is BodyRefusal {
  return 'status' in r;
}

/** Deepest bracket nesting outside strings, scanned once; stops as soon as it passes `limit`. */
export function jsonDepth(text: string, limit: number): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i += 1; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      depth += 1;
      if (depth > max) {
        max = depth;
        if (max > limit) return max;
      }
    } else if (c === 93 || c === 125) depth -= 1;
  }
  return max;
}

/**
 * The body, or null once it passes `limit`: the rest is then drained unread (not destroyed, so the
 * client still receives the refusal instead of a reset connection).
 */
function readLimited(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer): void => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off('data', onData);
      req.resume();
      chunks.length = 0;
      resolve(null);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}
