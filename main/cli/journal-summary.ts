import { parseArgs } from 'node:util';
import { bookSummary, buildJournalBook } from '../journal/journal-book';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliIO } from './command';
import { openCliWorkspace } from './import';

/** `levdesk journal summary --workspace PATH [--account NAME]` */
export function journalSummary(args: readonly string[], io: CliIO): number {
  let values: { workspace?: string; account?: string };
  try {
    const parsed = parseArgs({ args: [...args], allowPositionals: false, strict: true, options: { workspace: { type: 'string' }, account: { type: 'string' } } });
    values = parsed.values;
  } catch (err) {
    io.stderr.write(`levdesk journal summary: ${(err as Error).message}\n`);
    return EXIT_BAD_INPUT;
  }
  const ws = openCliWorkspace(values.workspace, io, 'journal summary');
  if (!ws) return EXIT_FAILURE;
  try {
    const book = buildJournalBook(ws.db);
    if (values.account !== undefined && !book.accounts.includes(values.account)) {
      io.stderr.write(`levdesk journal summary: no account "${values.account}" in this workspace (accounts: ${book.accounts.join(', ') || 'none'})\n`);
      return EXIT_BAD_INPUT;
    }
    io.stdout.write(`${JSON.stringify(bookSummary(book, values.account ?? null), null, 2)}\n`);
    return EXIT_OK;
  } catch (err) {
    io.stderr.write(`levdesk journal summary failed: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT_FAILURE;
  } finally {
    ws.close();
  }
}
