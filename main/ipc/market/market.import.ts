import { ImportBusyError, ImportCancelled, ImportProblemError } from '../../market/market-service';
import { AppError } from '../app-error';
import type { Handler } from '../types';

/** A bad file answers BAD_INPUT with the problem (file, line, column, expected, found) in details. */
export const marketImport: Handler<'market.import'> = async (input, s) => {
  // A web page names only files it uploaded: anything else would let a page read the host's disk.
  // (Electron's paths come from the native file picker, which the user drives.)
  if (s.shell === 'web') {
    const foreign = input.paths.findIndex((p) => !s.market.uploads.created(p));
    if (foreign >= 0) {
      throw new AppError('FORBIDDEN', `market.import: paths[${foreign}] is not a file uploaded to this web host; send files through POST /api/upload and import the path it answers. Nothing was imported.`);
    }
  }
  const names = input.names ? new Map(input.paths.map((p, i) => [p, input.names![i]!])) : undefined;
  try {
    return await s.market.importUploadsOrPaths(input.paths, input.options, names);
  } catch (err) {
    if (err instanceof ImportProblemError) throw new AppError('BAD_INPUT', `${err.message}. Nothing was imported.`, { problem: err.problem });
    if (err instanceof ImportBusyError) throw new AppError('CONFLICT', err.message);
    if (err instanceof ImportCancelled) throw new AppError('CONFLICT', err.message);
    throw err;
  }
};
