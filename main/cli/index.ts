import type { CliIO } from './command';
import { runCli } from './run';

const io: CliIO = { stdout: process.stdout, stderr: process.stderr, stdin: process.stdin };
runCli(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`levdesk: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
