import { useCallback, useMemo, useState } from 'react';
import type { JournalFilter } from '#shared/journal/journal-stats';
import type { JournalTrip } from '#shared/journal/journal-trip';
import { useApi } from '../../api/context';
import { DataTable } from '../../components/table/DataTable';
import type { FetchPage } from '../../components/table/use-paged-rows';
import { TripDetail } from './TripDetail';
import { TRIP_COLUMNS } from './trip-columns';

/** Every round trip, paged and sorted by main (100,000 scroll like 10); a row opens its detail. */
export function TradesTab(props: { filter: JournalFilter; version: number; onChanged: () => void }) {
  const api = useApi();
  const [open, setOpen] = useState<string | null>(null);
  const filterKey = JSON.stringify(props.filter);
  const fetchPage = useCallback<FetchPage<JournalTrip>>(
    async ({ offset, limit, sorting }) => {
      const s = sorting[0];
      const page = await api.get('journal.trips', { filter: JSON.parse(filterKey) as JournalFilter, offset, limit, sort: s ? { id: s.id, desc: s.desc } : null });
      return { total: page.total, rows: page.rows };
    },
    [api, filterKey],
  );
  const server = useMemo(() => ({ fetchPage, version: props.version }), [fetchPage, props.version]);
  return (
    <div className={`jv-trades${open ? ' with-detail' : ''}`}>
      <div className="jv-table">
        <DataTable
          key={filterKey}
          id="journal-trips"
          label="Round trips"
          columns={TRIP_COLUMNS}
          getRowId={(t) => t.id}
          server={server}
          defaultSorting={[{ id: 'closedAt', desc: true }]}
          emptyText="No round trips yet: trade on paper, or import an exchange export."
          onActivate={(t) => setOpen(t.id)}
          exportName="levdesk-journal-trips"
        />
      </div>
      {open && <TripDetail id={open} onClose={() => setOpen(null)} onSaved={props.onChanged} />}
    </div>
  );
}
