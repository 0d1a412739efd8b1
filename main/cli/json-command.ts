import fs from 'node:fs';
import type { z } from 'zod';
import { describeIssues, toFieldIssues } from '#shared/ipc/issues';
import { RiskInputError } from '#shared/risk/errors';
import { EXIT_BAD_INPUT, EXIT_FAILURE, EXIT_OK, type CliCommand } from './command';

/** Thrown by a command's run when the document is valid JSON but cannot be computed (exit 2). */
export class CliInputError extends Error {
  override readonly name = 'CliInputError';
}

interface JsonCommandSpec<S extends z.ZodType, O> {
  readonly name: string;
  readonly summary: string;
  readonly help: string;
  readonly input: S;
  readonly run: (input: z.output<S>) => O | Promise<O>;
}

/** Builds a command that reads a JSON document (file argument or stdin), validates it and prints JSON. */
export function jsonCommand<S extends z.ZodType, O>(spec: JsonCommandSpec<S, O>): CliCommand {
  return {
    name: spec.name,
    summary: spec.summary,
    help: spec.help,
    async run(args, io) {
      const file = args.find((a) => !a.startsWith('-'));
      let text: string;
      try {
        text = file ? fs.readFileSync(file, 'utf8') : await readAll(io.stdin);
      } catch (err) {
        io.stderr.write(`levdesk ${spec.name}: cannot read ${file ?? 'stdin'}: ${(err as Error).message}\n`);
        return EXIT_BAD_INPUT;
      }
      let doc: unknown;
      try {
        doc = JSON.parse(text);
      } catch (err) {
        io.stderr.write(`levdesk ${spec.name}: ${file ?? 'stdin'} is not JSON: ${(err as Error).message}\n`);
        return EXIT_BAD_INPUT;
      }
      const parsed = spec.input.safeParse(doc);
      if (!parsed.success) {
        io.stderr.write(`levdesk ${spec.name}: bad input: ${describeIssues(toFieldIssues(parsed.error))}\n`);
        return EXIT_BAD_INPUT;
      }
      try {
        const out = await spec.run(parsed.data);
        io.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
        return EXIT_OK;
      } catch (err) {
        if (err instanceof CliInputError) {
          io.stderr.write(`levdesk ${spec.name}: ${err.message}\n`);
          return EXIT_BAD_INPUT;
        }
        // The risk math refuses inputs no real position can have (stop on the wrong side, ...).
        if (err instanceof RiskInputError) {
          io.stderr.write(`levdesk ${spec.name}: bad input: ${err.message}\n`);
          return EXIT_BAD_INPUT;
        }
        io.stderr.write(`levdesk ${spec.name} failed: ${(err as Error).stack ?? String(err)}\n`);
        return EXIT_FAILURE;
      }
    },
  };
}

export async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks).toString('utf8');
}
