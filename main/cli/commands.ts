import type { CliCommand } from './command';
import { decayCommand } from './decay';
import { decayMcCommand } from './decay-mc';
import { fundingCommand } from './funding';
import { liqCommand } from './liq';
import { pnlCommand } from './pnl';
import { sizeCommand } from './size';
import { importCommand } from './import';
import { replayCommand } from './replay';
import { journalCommand } from './journal';
import { heatmapCommand } from './heatmap';

/**
 * Every `levdesk` subcommand. Each lives in its own module under main/cli/; add it here.
 */
export const COMMANDS: readonly CliCommand[] = [importCommand, replayCommand, liqCommand, sizeCommand, decayCommand, decayMcCommand, fundingCommand, pnlCommand, journalCommand, heatmapCommand];
