import { JournalImportRefused } from '../../journal/import/import-journal';
import { AppError } from '../app-error';
import type { Handler } from '../types';

/** A bad file answers BAD_INPUT with its problem (file, line, column, expected, found) and every file's result. */
export const journalImport: Handler<'journal.import'> = (input, s) => {
  try {
    return s.journal.import(input.paths, { account: input.account ?? null, preview: input.preview, ...(input.names ? { names: input.names } : {}) });
  } catch (err) {
    if (err instanceof JournalImportRefused) throw new AppError('BAD_INPUT', `${err.message}. Nothing was imported.`, { problem: err.problem.problem, files: err.files });
    throw err;
  }
};
