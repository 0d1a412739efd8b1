import type { CliCommand } from './command';

/** A subcommand as `levdesk --help` lists it; its module is loaded only when it runs. */
export interface CommandEntry {
  readonly name: string;
  /** One line for `levdesk --help`: the same as the command's own (a test holds them equal). */
  readonly summary: string;
  readonly load: () => Promise<CliCommand>;
}

/**
 * Every `levdesk` subcommand. Each lives in its own module under main/cli/; add it here.
 * Loaded on demand because every call starts cold: `levdesk liq` need not build the schemas of
 * the journal or open better-sqlite3 (bench: cli-cold-start).
 */
export const COMMANDS: readonly CommandEntry[] = [
  { name: 'import', summary: 'import exchange market-data files (klines, funding, book depth) into a workspace', load: async () => (await import('./import')).importCommand },
  { name: 'replay', summary: 'replay a scenario headless and print a JSON summary of its market', load: async () => (await import('./replay')).replayCommand },
  { name: 'liq', summary: 'liquidation and bankruptcy price of a position (isolated or cross), with its bracket', load: async () => (await import('./liq')).liqCommand },
  { name: 'size', summary: 'fixed-fractional size with fees and slippage; stop vs liquidation; highest safe leverage', load: async () => (await import('./size')).sizeCommand },
  { name: 'decay', summary: 'leveraged token (daily or threshold rebalancing) vs margin position vs spot on a path', load: async () => (await import('./decay')).decayCommand },
  { name: 'decay-mc', summary: 'Monte Carlo (GBM / jump-diffusion) of leveraged tokens vs margin positions vs spot, on worker threads', load: async () => (await import('./decay-mc')).decayMcCommand },
  { name: 'funding', summary: 'funding rate (from a rate or a premium index) and the payment: who pays whom', load: async () => (await import('./funding')).fundingCommand },
  { name: 'pnl', summary: 'PnL and ROE at an exit price, and the target price for an ROE (Binance calculator tabs)', load: async () => (await import('./pnl')).pnlCommand },
  { name: 'journal', summary: 'trade journal: import account exports (Binance, Bybit, generic CSV) and summarise them per asset', load: async () => (await import('./journal')).journalCommand },
  { name: 'heatmap', summary: 'the liquidation map of a scenario at a moment (levels by price, JSON)', load: async () => (await import('./heatmap')).heatmapCommand },
];
