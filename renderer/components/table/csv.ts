/**
 * CSV export of a table: RFC 4180 quoting, CRLF line ends, values exactly as the wire carried
 * them (decimal strings unrounded, times as ISO UTC) so a spreadsheet gets the ledger, not the
 * display.
 */

function quote(value: string): string {
  // A leading = + - @ would be read as a formula by spreadsheets; numbers are exempt (negative PnL).
  const guarded = /^[=+@]/.test(value) || (/^-/.test(value) && !/^-\d/.test(value)) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

export function toCsv(header: readonly string[], rows: Iterable<readonly string[]>): string {
  const lines = [header.map(quote).join(',')];
  for (const row of rows) lines.push(row.map(quote).join(','));
  return lines.join('\r\n') + '\r\n';
}

/** Hands the text to the browser as a file download (Electron and the web host both honour it). */
export function downloadText(fileName: string, text: string, mime = 'text/csv;charset=utf-8'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke after the click has been handled; the download keeps its own reference.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
