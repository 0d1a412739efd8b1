/**
 * Regenerates resources/default-data/ (the real market data every new workspace starts with) from
 * the read-only reference folder ../shared/data. Files are copied byte for byte and checked
 * against ../shared/data/SHA256SUMS; the manifest records what each file is, how to import it,
 * and where it came from. `npx tsx scripts/market-default-data.ts [--shared PATH]`.
 *
 * Only public market data goes in (never the account exports in shared/data/exchange-exports).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'resources/default-data');

interface Item {
  readonly source: string;
  readonly what: string;
  readonly provenance: string;
  readonly options?: Record<string, string>;
}

const MARK_PROVENANCE = 'aaronwu2017/TheGlory analysis/etf/data/binance data/ @ 394f2e17555342ab840fe749e7c307710914d0ac (daily zips from data.binance.vision)';
const FUNDING_PROVENANCE = 'pierre-cheneau/funding-data raw/ @ ed9ea585dab85d29f4dd0440a98d14b8ea0aa378 ("original monthly files, untouched")';

const markDays = Array.from({ length: 31 }, (_, i) => `2025-10-${String(i + 1).padStart(2, '0')}`).filter((d) => d !== '2025-10-04');

const ITEMS: readonly Item[] = [
  {
    source: 'binance-um-klines/BTCUSDT-1h-2022-11.csv',
    what: 'Binance USDⓈ-M BTCUSDT 1h klines, November 2022 (the FTX collapse), 720 rows',
    provenance: 'arewabolu/csvmanager BTCUSDT-1h-2022-11.csv @ 4dbbfd91cc0cdd5a6445b8eadb816bcde560cd74 (data.binance.vision monthly file, unmodified)',
  },
  {
    source: 'binance-um-klines/excerpts/BTCUSDT-1m-2020-03.EXCERPT-2020-03-13T0100Z-0259Z.csv',
    what: 'Binance USDⓈ-M BTCUSDT 1m klines, 2020-03-13 01:00–02:59 UTC (Black Thursday bottom), 120 rows',
    provenance: 'owlacar-dotcom/isda BTCUSDT-1m-2020-03.csv @ af33e38ebad23c0bc6be0558ffbb21c38133978c, a contiguous unmodified line range',
  },
  {
    source: 'binance-um-klines/excerpts/BTCUSDT-1m-2025-10.EXCERPT-2025-10-10T2000Z-2159Z.csv',
    what: 'Binance USDⓈ-M BTCUSDT 1m klines, 2025-10-10 20:00–21:59 UTC (the October 10 cascade), 120 rows',
    provenance: 'owlacar-dotcom/isda BTCUSDT-1m-2025-10.csv @ 6c1892caeb8e248e466f2e430d29e0ffc3988623, a contiguous unmodified line range',
  },
  ...markDays.map((d) => ({
    source: `binance-um-markprice-klines/BTCUSDT-5m-daily/BTCUSDT-5m-${d}.zip`,
    what: `Binance USDⓈ-M BTCUSDT 5m mark-price klines, ${d} (inferred to be mark price, see shared/data README §2)`,
    provenance: MARK_PROVENANCE,
    options: { kind: 'mark' },
  })),
  ...['2020-03', '2022-11', '2025-10'].map((m) => ({
    source: `binance-um-fundingrate/raw/BTCUSDT-fundingRate-${m}.csv`,
    what: `Binance USDⓈ-M BTCUSDT funding rates, ${m}`,
    provenance: FUNDING_PROVENANCE,
  })),
];

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

function main(): void {
  const { values } = parseArgs({ options: { shared: { type: 'string' } } });
  const shared = path.resolve(values.shared ?? path.join(root, '../shared/data'));
  const sums = new Map(
    fs
      .readFileSync(path.join(shared, 'SHA256SUMS'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => {
        const [hash, ...name] = l.trim().split(/\s+/);
        return [name.join(' ').replace(/^\*?\.\//, '').replace(/^\*/, ''), hash!] as const;
      }),
  );
  fs.rmSync(out, { recursive: true, force: true });
  fs.mkdirSync(out, { recursive: true });
  const files = ITEMS.map((item) => {
    const from = path.join(shared, item.source);
    const hash = sha256(from);
    const expected = sums.get(item.source);
    if (expected !== hash) throw new Error(`${item.source}: sha256 ${hash} does not match SHA256SUMS (${expected ?? 'not listed'})`);
    const name = path.basename(item.source);
    fs.copyFileSync(from, path.join(out, name));
    fs.chmodSync(path.join(out, name), 0o644); // the reference folder is read-only; the copies need not be
    return { file: name, bytes: fs.statSync(from).size, sha256: hash, what: item.what, source: `shared/data/${item.source}`, provenance: item.provenance, options: item.options ?? {} };
  });
  const manifest = {
    version: 1,
    note: 'Real public market data loaded into every new workspace. Regenerate with: npx tsx scripts/market-default-data.ts',
    files,
  };
  fs.writeFileSync(path.join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const total = files.reduce((n, f) => n + f.bytes, 0);
  fs.writeFileSync(path.join(out, 'README.md'), readme(files, total));
  process.stderr.write(`wrote ${files.length} files (${(total / 1024).toFixed(0)} KiB) to ${path.relative(root, out)}\n`);
}

function readme(files: { file: string; what: string; provenance: string; bytes: number }[], total: number): string {
  return `# Embedded default market data

Loaded into every new, empty workspace at first start, so a new user sees real markets without
importing anything. ${files.length} files, ${(total / 1024).toFixed(0)} KiB. Copied **byte for byte** from the team's
reference folder \`shared/data/\` (checked against its SHA256SUMS) by \`scripts/market-default-data.ts\`;
\`manifest.json\` lists each file with its hash, how it is imported and where it came from.

What is here:
- Binance USDⓈ-M BTCUSDT **1h klines for November 2022** (FTX collapse) and **1m klines** for two
  liquidation windows (2020-03-13 01:00–03:00 and 2025-10-10 20:00–22:00 UTC);
- Binance BTCUSDT **5m mark-price klines** for October 2025 (2025-10-04 is missing at the source);
- Binance BTCUSDT **funding rates** for 2020-03, 2022-11 and 2025-10.

Not here, on purpose: the real account exports in \`shared/data/exchange-exports/\` (a person's
trading history: parser tests only).

Licensing: this is Binance public market data (data.binance.vision) obtained through the public
GitHub repositories named in the manifest. \`shared/data/README.md\` asks that someone review the
terms before these files ship inside a distributed app; that review is still to be done.

| file | what | provenance |
|---|---|---|
${files.map((f) => `| \`${f.file}\` | ${f.what} | ${f.provenance} |`).join('\n')}
`;
}

main();
