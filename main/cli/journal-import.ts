import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildJournalBook } from '../journal/journal-book';
import { JournalImportRefused, importJournalFiles } from '../journal/import/import-journal';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliIO } from './command';
import { openCliWorkspace } from './import';

/** `levdesk journal import FILE... --workspace PATH [--account NAME] [--preview]` */
export function journalImport(args: readonly string[], io: CliIO): number {
  let values: { workspace?: string; account?: string; preview?: boolean };
  let files: string[];
  try {
    const parsed = parseArgs({ args: [...args], allowPositionals: true, strict: true, options: { workspace: { type: 'string' }, account: { type: 'string' }, preview: { type: 'boolean' } } });
    values = parsed.values;
    files = parsed.positionals;
  } catch (err) {
    io.stderr.write(`levdesk journal import: ${(err as Error).message}\n`);
    return EXIT_BAD_INPUT;
  }
  if (files.length === 0) {
    io.stderr.write('levdesk journal import: name at least one file (levdesk journal --help)\n');
    return EXIT_BAD_INPUT;
  }
  const ws = openCliWorkspace(values.workspace, io, 'journal import');
  if (!ws) return EXIT_FAILURE;
  try {
    const result = importJournalFiles(
      ws.db,
      files.map((f) => path.resolve(f)),
      { account: values.account ?? null, preview: values.preview === true, names: files },
      () => buildJournalBook(ws.db).trips.length,
    );
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return EXIT_OK;
  } catch (err) {
    if (err instanceof JournalImportRefused) {
      io.stdout.write(`${JSON.stringify({ files: err.files, rowsAdded: 0 }, null, 2)}\n`);
      io.stderr.write(`levdesk journal import: ${err.message}\nNothing was imported.\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr.write(`levdesk journal import failed: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT_FAILURE;
  } finally {
    ws.close();
  }
}
