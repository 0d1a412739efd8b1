import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { resolveChromium } from '../../scripts/chromium-path';

/** The browser of the end-to-end tests: the system's when it exists, else the npm-packaged one. */
describe('the Chromium the end-to-end tests drive', () => {
  it('is the one CHROMIUM_PATH names when that file exists', () => {
    expect(resolveChromium(process.execPath)).toEqual({ executablePath: process.execPath, env: {}, source: 'system' });
  });

  it("is @sparticuz/chromium's when there is none at CHROMIUM_PATH, and it runs with its own libraries", () => {
    const choice = resolveChromium('/nonexistent/chromium');
    expect(choice.source).toBe('@sparticuz/chromium');
    expect(choice.note).toMatch(/no Chromium at \/nonexistent\/chromium \(CHROMIUM_PATH\)/);
    expect(choice.env.LD_LIBRARY_PATH).toMatch(/levdesk-chromium\/[\d.]+\/al2023\/lib/);
    const r = spawnSync(choice.executablePath, ['--version'], { env: { ...process.env, ...choice.env }, encoding: 'utf8', timeout: 30_000 });
    expect(r.stdout).toMatch(/^Chromium \d+\./);
    // Its NSS comes from the package, not from whatever the machine has (a fresh one has none).
    const ldd = spawnSync('ldd', [choice.executablePath], { env: { ...process.env, ...choice.env }, encoding: 'utf8' });
    expect(ldd.stdout).toMatch(/libnss3\.so => \S*levdesk-chromium\S*al2023\/lib\/libnss3\.so/);
  }, 180_000);
});
