import type { IncomingMessage, ServerResponse } from 'node:http';
import { fail, ok, type Result } from '#shared/ipc/result';
import type { UploadStore } from '../market/uploads';
import { UploadRefused } from '../market/uploads';

/** POST /api/upload?name=FILE: the body is the file's bytes. */
export const UPLOAD_PATH = '/api/upload';

export interface UploadAnswer {
  readonly path: string;
  readonly name: string;
  readonly bytes: number;
}

/**
 * A file for an import, streamed to disk (constant memory for any size). The caller has already
 * passed the host's Host/Origin checks and the bearer token. The body must be sent as
 * application/octet-stream, and the name is reduced to a safe base name by the store, so an
 * upload can only ever create a new file in its own random folder under <dataDir>/uploads.
 * The answer carries the stored path, which the page then hands to market.import.
 */
export async function handleUpload(req: IncomingMessage, res: ServerResponse, store: UploadStore, send: (res: ServerResponse, status: number, body: Result<unknown>) => void): Promise<void> {
  if (req.method !== 'POST') return send(res, 405, fail({ code: 'FORBIDDEN', message: `${req.method} ${UPLOAD_PATH} is not served` }));
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== 'application/octet-stream') {
    return send(res, 415, fail({ code: 'BAD_INPUT', message: 'an upload is sent as application/octet-stream' }));
  }
  let name: string | null;
  try {
    name = new URL(req.url ?? '', 'http://host').searchParams.get('name');
  } catch {
    name = null;
  }
  if (!name) return send(res, 400, fail({ code: 'BAD_INPUT', message: 'an upload needs ?name=FILE' }));
  try {
    const stored = await store.accept(name, req);
    const answer: UploadAnswer = stored;
    return send(res, 200, ok(answer));
  } catch (err) {
    if (err instanceof UploadRefused) {
      req.resume();
      return send(res, err.reason === 'name' ? 400 : 413, fail({ code: 'BAD_INPUT', message: err.message }));
    }
    throw err;
  }
}
