import { useState } from 'react';
import type { JournalFilter } from '#shared/journal/journal-stats';
import type { JournalOptions } from './use-journal';

const words = (s: string) => s.split(/[\s,]+/).filter((x) => x !== '');

function dayStart(text: string): number | undefined {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : undefined;
}

/** Date range (UTC days), account, symbol, settlement asset and tags: all (AND), any (OR), none (NOT). */
export function FilterBar(props: { filter: JournalFilter; options: JournalOptions | null; onChange: (f: JournalFilter) => void }) {
  const { filter, options, onChange } = props;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [all, setAll] = useState('');
  const [any, setAny] = useState('');
  const [none, setNone] = useState('');
  const apply = (patch: Partial<JournalFilter>) => onChange({ ...filter, ...patch });
  const applyTags = (a: string, o: string, n: string) => {
    const tags = { all: words(a), any: words(o), none: words(n) };
    const { tags: _old, ...rest } = filter;
    void _old;
    onChange(tags.all.length + tags.any.length + tags.none.length > 0 ? { ...rest, tags } : rest);
  };
  const select = (value: string | undefined, list: string[] | undefined, label: string, testId: string, set: (v: string | undefined) => void) => (
    <label className="jv-field">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => set(e.target.value === '' ? undefined : e.target.value)} data-testid={testId}>
        <option value="">All</option>
        {(list ?? []).map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form className="jv-filters" aria-label="Journal filters" onSubmit={(e) => e.preventDefault()} data-testid="journal-filters">
      <label className="jv-field">
        <span>From</span>
        <input
          type="date"
          value={from}
          onChange={(e) => {
            setFrom(e.target.value);
            apply({ from: dayStart(e.target.value) });
          }}
          data-testid="journal-filter-from"
        />
      </label>
      <label className="jv-field">
        <span>To</span>
        <input
          type="date"
          value={to}
          onChange={(e) => {
            setTo(e.target.value);
            const t = dayStart(e.target.value);
            apply({ to: t === undefined ? undefined : t + 86_399_999 });
          }}
          data-testid="journal-filter-to"
        />
      </label>
      {select(filter.accounts?.[0], options?.accounts, 'Account', 'journal-filter-account', (v) => apply({ accounts: v ? [v] : undefined }))}
      {select(filter.symbols?.[0], options?.symbols, 'Symbol', 'journal-filter-symbol', (v) => apply({ symbols: v ? [v] : undefined }))}
      {select(filter.asset, options?.assets, 'Asset', 'journal-filter-asset', (v) => apply({ asset: v }))}
      <label className="jv-field" title="Trips with every one of these tags">
        <span>All tags</span>
        <input value={all} onChange={(e) => setAll(e.target.value)} onBlur={() => applyTags(all, any, none)} placeholder="a b" data-testid="journal-filter-tags-all" />
      </label>
      <label className="jv-field" title="Trips with at least one of these tags">
        <span>Any tag</span>
        <input value={any} onChange={(e) => setAny(e.target.value)} onBlur={() => applyTags(all, any, none)} placeholder="a b" data-testid="journal-filter-tags-any" />
      </label>
      <label className="jv-field" title="Trips with none of these tags">
        <span>Not tags</span>
        <input value={none} onChange={(e) => setNone(e.target.value)} onBlur={() => applyTags(all, any, none)} placeholder="a b" data-testid="journal-filter-tags-none" />
      </label>
    </form>
  );
}
