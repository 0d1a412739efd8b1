/**
 * The one typed build file. The default export is electron-builder's configuration
 * (`electron-builder --config electron.config.ts`); the named exports are the esbuild options
 * that scripts/build.ts uses for main, preload, renderer, the web host and the CLI.
 * Keep this file free of side effects: electron-builder loads it with jiti, untyped.
 */
import type { Configuration } from 'electron-builder';
import type { BuildOptions, Plugin } from 'esbuild';
import desktopEntry from './build/desktop-entry.json' with { type: 'json' };

/** Node-side bundles: everything is bundled except Electron and the native SQLite addon. */
export const nodeBundle: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  sourcemap: true,
  // ws probes for optional native speedups; without them it uses its JS paths.
  external: ['electron', 'better-sqlite3', 'bufferutil', 'utf-8-validate'],
  logLevel: 'warning',
  // The worker entries (main/app/worker-entry.ts) read import.meta.url only when run from the sources.
  logOverride: { 'empty-import-meta': 'silent' },
};

/**
 * Worker threads, bundled next to each Node bundle that may start them: a plan's test on history
 * (main/plans/plan-test-runner.ts), the decay Monte Carlo and exact path (main/analytics/decay/), the trading
 * engine's reopen (main/trading/restore-worker.ts) the heatmap's history rebuild
 * (main/analytics/heatmap/) and the journal (main/journal/worker/).
 */
const workers = {
  'plan-test-worker': 'main/plans/plan-test-worker.ts',
  'decay-mc-worker': 'main/analytics/decay/mc-worker.ts',
  'decay-lab-worker': 'main/analytics/decay/lab-worker.ts',
  // Reopening a big trading workspace (main/trading/restore-off-main.ts).
  'trading-restore-worker': 'main/trading/restore-worker.ts',
  // A reopened workspace's heatmap history, replayed from the session's log (main/analytics/heatmap/history-runner.ts).
  'heatmap-history-worker': 'main/analytics/heatmap/history-worker.ts',
  // The journal's imports and statistics (main/journal/worker/).
  'journal-worker': 'main/journal/worker/journal-worker.ts',
};

export const mainBuild: BuildOptions = { ...nodeBundle, entryPoints: { main: 'main/index.ts', ...workers } };

/** The web host: same services as main, served over HTTP/WebSocket on 127.0.0.1. */
export const hostBuild: BuildOptions = { ...nodeBundle, entryPoints: { host: 'main/host/main.ts', ...workers } };

/**
 * zod's namespace re-exports every locale (about 40% of the CLI bundle); Levdesk speaks only
 * English, and each `levdesk` call pays for parsing what it bundles.
 */
const zodEnglishOnly: Plugin = {
  name: 'zod-english-only',
  setup(build) {
    build.onLoad({ filter: /zod[\\/]v4[\\/]locales[\\/]index\.js$/ }, () => ({ contents: 'export { default as en } from "./en.js";', loader: 'js' }));
  },
};

/**
 * The `levdesk` command line (bin/levdesk.mjs runs it): minified and without zod's other locales,
 * because every call starts it cold. The metafile lists its inputs so the bin can tell a stale bundle.
 */
export const cliBuild: BuildOptions = {
  ...nodeBundle,
  entryPoints: { cli: 'main/cli/index.ts', 'decay-mc-worker': 'main/analytics/decay/mc-worker.ts' },
  minify: true,
  plugins: [zodEnglishOnly],
  metafile: true,
};

/**
 * The preload runs sandboxed: one CommonJS file, only `electron` external, no schema library
 * (channel names are injected by the build script from the contract).
 */
export const preloadBuild: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'chrome130',
  format: 'cjs',
  entryPoints: { preload: 'main/preload.ts' },
  outdir: 'dist',
  outExtension: { '.js': '.cjs' },
  external: ['electron'],
  logLevel: 'warning',
};

export const rendererBuild: BuildOptions = {
  bundle: true,
  platform: 'browser',
  target: 'chrome130',
  format: 'iife',
  entryPoints: { app: 'renderer/main.tsx' },
  outdir: 'dist/renderer',
  jsx: 'automatic',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  // The one-glyph font for Ⓢ (renderer/fonts) is copied beside the bundle.
  loader: { '.ttf': 'file' },
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

const config: Configuration = {
  appId: 'app.levdesk.desktop',
  productName: 'Levdesk',
  copyright: 'Copyright © 2026 Levdesk',
  directories: { buildResources: 'build', output: 'release' },
  files: ['dist/**/*', '!dist/**/*.map', 'package.json'],
  extraMetadata: { main: 'dist/main.cjs' },
  // Rebuild better-sqlite3 for the target Electron at pack time; `npm run dist` then restores Node's build.
  npmRebuild: true,
  asar: true,
  asarUnpack: ['node_modules/better-sqlite3/**'],
  electronFuses: {
    runAsNode: false,
    enableCookieEncryption: true,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
  },
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Finance',
    icon: 'build/icon.png',
    executableName: 'levdesk',
    desktop: { entry: desktopEntry },
  },
  deb: { depends: ['libnss3', 'libgtk-3-0', 'libxss1', 'libasound2'] },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.finance',
    icon: 'build/icon.png',
    hardenedRuntime: true,
    entitlements: 'build/entitlements.mac.plist',
    entitlementsInherit: 'build/entitlements.mac.plist',
  },
  win: { target: ['nsis'], icon: 'build/icon.png' },
  nsis: { oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true },
};

export default config;
