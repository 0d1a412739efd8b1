import { APP_VERSION } from '../app/version';
import { EXIT_BAD_INPUT, EXIT_OK, type CliIO } from './command';
import { COMMANDS } from './commands';

function usage(): string {
  const width = Math.max(8, ...COMMANDS.map((c) => c.name.length));
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return [
    'levdesk: exact perpetual-futures risk math and headless replays, JSON in and JSON out.',
    '',
    'Usage: levdesk <command> [file.json] [options]   (the document is read from stdin when no file is given)',
    '       levdesk <command> --help                   (every input field of a command)',
    '',
    'Commands:',
    ...lines,
    '',
    'Decimals are strings in and out ("60000.5"); plain JSON numbers are accepted on input.',
    'Exit status: 0 success, 2 bad input (every bad field is named on stderr), 1 failure.',
  ].join('\n');
}

export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(`${usage()}\n`);
    return EXIT_OK;
  }
  if (name === '--version' || name === '-v') {
    io.stdout.write(`${APP_VERSION}\n`);
    return EXIT_OK;
  }
  const entry = COMMANDS.find((c) => c.name === name);
  if (!entry) {
    io.stderr.write(`levdesk: unknown command "${name}"\n\n${usage()}\n`);
    return EXIT_BAD_INPUT;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout.write(`${command.help.trimEnd()}\n`);
    return EXIT_OK;
  }
  return command.run(rest, io);
}
