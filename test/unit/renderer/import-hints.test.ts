import { describe, expect, it } from 'vitest';
import { uiHint } from '../../../renderer/views/data/import-hints';

describe("the importer's hints in the app", () => {
  it('name the field instead of the command-line flag', () => {
    expect(uiHint('venue "binance-spot": prices have 8 decimals (USDⓈ-M futures write 2 and 3); pass --venue binance if this is a futures file')).toBe(
      'venue "binance-spot": prices have 8 decimals (USDⓈ-M futures write 2 and 3); set Venue to "binance" under "Declare what the file cannot say" if this is a futures file',
    );
    expect(uiHint('x.csv: cannot tell the symbol; pass --symbol')).toBe('x.csv: cannot tell the symbol; set Symbol under "Declare what the file cannot say"');
    expect(uiHint('so pass --kind index or --kind premium if that is what this file holds')).toBe(
      'so set Kind to "index" or Kind to "premium" under "Declare what the file cannot say" if that is what this file holds',
    );
    expect(uiHint('read as UTC+00:00 (pass --utc-offset if they are local)')).toBe('read as UTC+00:00 (set "UTC offset of local times" under "Declare what the file cannot say" if they are local)');
    expect(uiHint('no time column; pass --columns time=…,open=…')).not.toMatch(/pass --/);
    expect(uiHint('nothing to do here')).toBe('nothing to do here');
  });
});
