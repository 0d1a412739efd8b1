import { parseArgs } from 'node:util';
import { JournalCore } from '../journal/journal-core';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliIO } from './command';
import { openCliWorkspace } from './import';

/** `levdesk journal summary --workspace PATH [--account NAME] [--convert-to ASSET]` */
export function journalSummary(args: readonly string[], io: CliIO): number {
  let values: { workspace?: string; account?: string; 'convert-to'?: string };
  try {
    const parsed = parseArgs({ args: [...args], allowPositionals: false, strict: true, options: { workspace: { type: 'string' }, account: { type: 'string' }, 'convert-to': { type: 'string' } } });
    values = parsed.values;
  } catch (err) {
    io.stderr.write(`levdesk journal summary: ${(err as Error).message}\n`);
    return EXIT_BAD_INPUT;
  }
  const convertTo = values['convert-to']?.toUpperCase();
  if (convertTo !== undefined && !/^[A-Z0-9]{2,12}$/.test(convertTo)) {
    io.stderr.write(`levdesk journal summary: --convert-to takes an asset such as USDT, not "${values['convert-to']}"\n`);
    return EXIT_BAD_INPUT;
  }
  const ws = openCliWorkspace(values.workspace, io, 'journal summary');
  if (!ws) return EXIT_FAILURE;
  try {
    const core = new JournalCore(ws.db);
    const book = core.book();
    if (values.account !== undefined && !book.accounts.includes(values.account)) {
      io.stderr.write(`levdesk journal summary: no account "${values.account}" in this workspace (accounts: ${book.accounts.join(', ') || 'none'})\n`);
      return EXIT_BAD_INPUT;
    }
    io.stdout.write(`${JSON.stringify(core.summary(values.account ?? null, convertTo), null, 2)}\n`);
    return EXIT_OK;
  } catch (err) {
    io.stderr.write(`levdesk journal summary failed: ${(err as Error).stack ?? String(err)}\n`);
    return EXIT_FAILURE;
  } finally {
    ws.close();
  }
}
