import { EXIT_BAD_INPUT, type CliCommand } from './command';
import { journalImport } from './journal-import';
import { journalSummary } from './journal-summary';

const HELP = `levdesk journal import FILE... --workspace PATH [--account NAME] [--preview]
levdesk journal summary --workspace PATH [--account NAME] [--convert-to ASSET]

import   Reads account exports into the workspace's trade journal, all or nothing: every file is
         checked first, and a bad one is refused as FILE:LINE:COLUMN with what was expected and
         found (exit 2; nothing is added). Re-importing a file adds nothing (rows are keyed by the
         exchange's trade / transaction / order ids). --preview counts what would be added and
         writes nothing.
         Formats (detected from the header):
           Binance Futures USDⓈ-M and COIN-M: trade history, transaction history, order history,
             position history (2025 UI exports; the older trade-history layout too)
           Bybit: Closed P&L; trade history (executions: execId,execPrice,execQty,execFee,...)
           generic: time,symbol,side,price,quantity,fee,fee_asset,realized_pnl,trade_id[,position_side,order_id]
         --account NAME puts the rows under that account (default: binance, bybit or generic).
         Output: { files: [{ file, format, rowsRead, rowsAdded, errors, notes, accounts, assets,
         symbols, from, to }], rowsAdded, preview, trips }

summary  Per-asset totals (never added across assets) and the reconciliation of the trades
         against the transaction history. Output: { accounts, trades: { total, wins, losses,
         breakeven }, byAsset: { ASSET: { realizedPnl, fees, funding, insuranceClear, transfers,
         net } }, reconciliation: { ASSET: { realizedPnlDifference, feesDifference,
         fundingDifference, transactionRows, unmatched } } }. Decimal strings; fees positive
         when paid; funding positive when received; insuranceClear signed as booked;
         net = realizedPnl - fees + funding + insuranceClear (transfers apart).
         reconciliation also has closedPnlDifference (Bybit: execution trips' net minus their
         Closed P&L rows, null when none matched) and unreconcilable: [{ account, reason }].
         --convert-to ASSET adds converted: { quote, label, byAsset: { ASSET: { trips,
         convertedTrips, missingTrips, net, converted, source } }, net, missingTrips }: each
         trip's net at the stored candle close (ASSETQUOTE) at its close time; byAsset stays
         per asset. Trips without a stored price are counted, never guessed.
`;

export const journalCommand: CliCommand = {
  name: 'journal',
  summary: 'trade journal: import account exports (Binance, Bybit, generic CSV) and summarise them per asset',
  help: HELP,
  run(args, io) {
    const [sub, ...rest] = args;
    if (sub === 'import') return Promise.resolve(journalImport(rest, io));
    if (sub === 'summary') return Promise.resolve(journalSummary(rest, io));
    io.stderr.write(`levdesk journal: unknown subcommand "${sub ?? ''}" (import or summary)\n\n${HELP}`);
    return Promise.resolve(EXIT_BAD_INPUT);
  },
};
