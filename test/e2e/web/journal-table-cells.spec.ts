import path from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { REPO_ROOT } from './host-process';
import { JournalPage } from './pages/journal-page';

const USDM = ['trade', 'order', 'position', 'transaction'].map((k) => path.join(REPO_ROOT, 'test/fixtures/journal/binance-usdm-2025', `accountA_usdm_${k}-history.csv`));

interface CellAudit {
  readonly cells: number;
  /** Cells without the clip whose text runs past their box (must never happen). */
  readonly overflowing: readonly string[];
  readonly clipped: Readonly<Record<string, number>>;
  readonly unclipped: number;
  /** Clipped cells that do not end in an ellipsis. */
  readonly clippedWithoutEllipsis: number;
}

/** Every cell of the trips grid: is it clipped, and does an unclipped one overflow? */
function audit(page: Page): Promise<CellAudit> {
  return page.getByTestId('table-journal-trips-grid').evaluate((grid) => {
    const out = { cells: 0, overflowing: [] as string[], clipped: {} as Record<string, number>, unclipped: 0, clippedWithoutEllipsis: 0 };
    for (const cell of grid.querySelectorAll<HTMLElement>('[role="row"][data-row-key] [role="gridcell"]')) {
      out.cells += 1;
      const col = cell.dataset.col ?? '?';
      if (cell.classList.contains('clip')) {
        out.clipped[col] = (out.clipped[col] ?? 0) + 1;
        const style = getComputedStyle(cell);
        if (style.textOverflow !== 'ellipsis' || style.overflowX !== 'hidden') out.clippedWithoutEllipsis += 1;
      } else {
        out.unclipped += 1;
        if (cell.scrollWidth > cell.clientWidth) out.overflowing.push(`${col} "${cell.textContent ?? ''}" ${cell.scrollWidth} > ${cell.clientWidth}`);
      }
    }
    return out;
  });
}

test('grid cells skip the clip only when their text fits; a narrowed column clips with an ellipsis', async ({ page, host }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const j = new JournalPage(page);
  await j.app.open(host.url);
  await j.app.goTo('journal');
  await j.tab('Import').click();
  await j.files.setInputFiles(USDM);
  await j.testId('journal-import-commit').click();
  await expect(j.testId('journal-import-done')).toContainText('39 round trips');
  await j.tab('Trades').click();
  await expect(j.count).toContainText('39');
  await expect(j.rows.first()).toHaveAttribute('data-row-key', /.+/);

  const wide = await audit(page);
  expect(wide.cells).toBeGreaterThan(100);
  expect(wide.overflowing).toEqual([]);
  // Most cells fit their default widths: they are painted without a clip of their own.
  expect(wide.unclipped).toBeGreaterThan(wide.cells / 2);
  expect(wide.clippedWithoutEllipsis).toBe(0);

  // Entry narrowed to its minimum, 48 px: the prices that no longer fit are clipped, with the
  // ellipsis, and no unclipped one overflows (short ones may still fit).
  const entry = page.getByRole('separator', { name: 'Width of Entry' });
  await entry.focus();
  for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
  await expect(entry).toHaveAttribute('aria-valuenow', '48');
  const narrow = await audit(page);
  expect(narrow.overflowing).toEqual([]);
  expect(narrow.clipped.entryPrice ?? 0).toBeGreaterThan(wide.clipped.entryPrice ?? 0);
  expect(narrow.clippedWithoutEllipsis).toBe(0);
});
