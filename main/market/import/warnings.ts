import type { ImportWarning } from '#shared/domain/market-import';

/** A file's warnings: the first ones listed in full, the rest only counted (a file may have 10,000 gaps). */
export class Warnings {
  readonly listed: ImportWarning[] = [];
  notListed = 0;

  constructor(private readonly limit = 50) {}

  add(w: ImportWarning): void {
    if (this.listed.length < this.limit) this.listed.push(w);
    else this.notListed += 1;
  }
}
