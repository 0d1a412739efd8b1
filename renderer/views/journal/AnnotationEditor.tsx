import { useState } from 'react';
import type { JournalTrip, TripAnnotation } from '#shared/journal/journal-trip';
import { useApi } from '../../api/context';

const words = (s: string) => [...new Set(s.split(/[\s,]+/).filter((x) => x !== ''))];

/** Keyed by trip id by its parent, so its fields start from that trip's annotation. Notes (markdown, shown as written), tags, setup, mistakes and a 1–5 rating for one trip. */
export function AnnotationEditor(props: { trip: JournalTrip; onSaved: (t: JournalTrip) => void }) {
  const api = useApi();
  const a = props.trip.annotation;
  const [notes, setNotes] = useState(a.notes);
  const [tags, setTags] = useState(a.tags.join(' '));
  const [setup, setSetup] = useState(a.setup);
  const [mistakes, setMistakes] = useState(a.mistakes.join(', '));
  const [rating, setRating] = useState<number | null>(a.rating);
  const [state, setState] = useState<'idle' | 'saving' | 'saved' | string>('idle');
  const save = async () => {
    const annotation: TripAnnotation = { notes, tags: words(tags), setup: setup.trim(), mistakes: mistakes.split(',').map((m) => m.trim()).filter((m) => m !== ''), rating };
    setState('saving');
    const r = await api.call('journal.annotate', { id: props.trip.id, annotation });
    if (r.ok) {
      setState('saved');
      props.onSaved(r.value.trip);
    } else setState(r.error.message);
  };
  return (
    <form
      className="jv-notes"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      aria-label="Notes on this trip"
    >
      <label className="jv-field wide">
        <span>Notes (markdown)</span>
        <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={4} data-testid="journal-notes" />
      </label>
      <div className="jv-row">
        <label className="jv-field">
          <span>Tags</span>
          <input value={tags} onChange={(e) => setTags(e.target.value)} placeholder="breakout news" data-testid="journal-tags" />
        </label>
        <label className="jv-field">
          <span>Setup</span>
          <input value={setup} onChange={(e) => setSetup(e.target.value)} placeholder="range fade" data-testid="journal-setup" />
        </label>
        <label className="jv-field">
          <span>Mistakes</span>
          <input value={mistakes} onChange={(e) => setMistakes(e.target.value)} placeholder="moved stop, oversized" data-testid="journal-mistakes" />
        </label>
        <fieldset className="jv-rating" data-testid="journal-rating">
          <legend>Rating</legend>
          {[1, 2, 3, 4, 5].map((n) => (
            <button key={n} type="button" aria-pressed={rating !== null && n <= rating} onClick={() => setRating(rating === n ? null : n)} aria-label={`${n} of 5`}>
              ★
            </button>
          ))}
        </fieldset>
        <button type="submit" className="btn-primary" disabled={state === 'saving'} data-testid="journal-save">
          Save
        </button>
        <span className="faint" role="status" data-testid="journal-save-state">
          {state === 'saved' ? 'Saved' : state === 'idle' || state === 'saving' ? '' : state}
        </span>
      </div>
    </form>
  );
}
