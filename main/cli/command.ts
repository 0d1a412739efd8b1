/**
 * A `levdesk` subcommand. Commands are JSON in, JSON out: they read one document from a file
 * argument or stdin and print one document on stdout. Exit codes: 0 ok, 2 bad input, 1 failure.
 */
export interface CliIO {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  readonly stdin: NodeJS.ReadableStream;
}

export interface CliCommand {
  readonly name: string;
  /** One line for `levdesk --help`. */
  readonly summary: string;
  /** The full text for `levdesk <name> --help`: usage, every input field, the output. */
  readonly help: string;
  run(args: readonly string[], io: CliIO): Promise<number>;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_BAD_INPUT = 2;
