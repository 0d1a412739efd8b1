import { useState } from 'react';
import { Tabs } from '../../components/layout/Tabs';
import { FilterBar } from './FilterBar';
import { ImportTab } from './ImportTab';
import { ReconcileTab } from './ReconcileTab';
import { StatsTab } from './StatsTab';
import { TradesTab } from './TradesTab';
import { useJournal } from './use-journal';

type TabId = 'trades' | 'stats' | 'reconcile' | 'import';
const TAB_KEY = 'levdesk.journal.tab';

/** The journal: paper round trips and imported exchange history, their statistics, reconciliation and imports. */
export function JournalView() {
  const j = useJournal();
  const [convertTo, setConvertTo] = useState<string | undefined>(undefined);
  const [tab, setTab] = useState<TabId>(() => (sessionStorage.getItem(TAB_KEY) as TabId | null) ?? 'trades');
  const choose = (t: TabId) => {
    sessionStorage.setItem(TAB_KEY, t);
    setTab(t);
  };
  return (
    <section className="journal-view" aria-labelledby="journal-title" data-testid="journal-view">
      <header className="view-header">
        <h1 id="journal-title">Journal</h1>
        <p className="faint" data-testid="journal-summary-line">
          {j.options ? `${j.options.accounts.length} accounts · ${j.options.symbols.length} symbols · settled in ${j.options.assets.join(', ') || '—'}` : 'Reading the journal…'}
        </p>
      </header>
      {j.error && <p role="alert">{j.error}</p>}
      <FilterBar filter={j.filter} options={j.options} onChange={j.setFilter} />
      <Tabs<TabId>
        label="Journal sections"
        testId="journal-tabs"
        value={tab}
        onChange={choose}
        tabs={[
          { id: 'trades', label: 'Trades' },
          { id: 'stats', label: 'Statistics' },
          { id: 'reconcile', label: 'Reconciliation' },
          { id: 'import', label: 'Import' },
        ]}
      >
        <div className="jv-panel">
          {tab === 'trades' && <TradesTab filter={j.filter} version={j.version} onChanged={j.refresh} />}
          {tab === 'stats' && <StatsTab filter={j.filter} version={j.version} convertTo={convertTo} onConvert={setConvertTo} />}
          {tab === 'reconcile' && <ReconcileTab account={j.filter.accounts?.[0]} version={j.version} convertTo={convertTo} onConvert={setConvertTo} />}
          {tab === 'import' && <ImportTab onImported={j.refresh} />}
        </div>
      </Tabs>
    </section>
  );
}
