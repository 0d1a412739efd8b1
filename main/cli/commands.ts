import type { CliCommand } from './command';

/**
 * Every `levdesk` subcommand. Each lives in its own module under main/cli/; add it here.
 */
export const COMMANDS: readonly CliCommand[] = [];
