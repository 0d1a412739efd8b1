import { JournalImportRefused } from '../../journal/import/import-journal';
import { AppError } from '../app-error';
import type { Handler } from '../types';

/**
 * A bad file answers BAD_INPUT with its problem (file, line, column, expected, found) and every
 * file's result. Under the web host a page may name only files it uploaded, and those are deleted
 * once imported, whether the import succeeded or was refused (a preview keeps them for the import).
 */
export const journalImport: Handler<'journal.import'> = async (input, s) => {
  if (s.shell === 'web') {
    const foreign = input.paths.findIndex((p) => !s.market.uploads.created(p));
    if (foreign >= 0) {
      throw new AppError('FORBIDDEN', `journal.import: paths[${foreign}] is not a file uploaded to this web host; send files through POST /api/upload and import the path it answers. Nothing was imported.`);
    }
  }
  try {
    return await s.journal.import(input.paths, { account: input.account ?? null, preview: input.preview, ...(input.names ? { names: input.names } : {}) });
  } catch (err) {
    if (err instanceof JournalImportRefused) throw new AppError('BAD_INPUT', `${err.message}. Nothing was imported.`, { problem: err.problem.problem, files: err.files });
    throw err;
  } finally {
    if (!input.preview) for (const p of input.paths) s.market.uploads.remove(p);
  }
};
