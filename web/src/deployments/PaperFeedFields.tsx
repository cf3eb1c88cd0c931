import { useId } from 'react'
import type { Dataset } from '../api/datasets'
import type { FeedDraft } from './paper-feed'

type Loaded<T> =
  { state: 'loading' } | { state: 'ready'; value: T } | { state: 'error'; message: string }

/** How the paper terminal gets bars: synthetic ones in real time, or a dataset replayed. */
export function PaperFeedFields({
  draft,
  onChange,
  datasets,
  problem,
}: {
  draft: FeedDraft
  onChange(draft: FeedDraft): void
  datasets: Loaded<Dataset[]>
  problem: string | undefined
}) {
  const ids = { dataset: useId(), bps: useId(), seed: useId(), barSeconds: useId() }
  const set = (patch: Partial<FeedDraft>) => onChange({ ...draft, ...patch })
  return (
    <fieldset className="fieldset">
      <legend>Paper feed</legend>
      <label className="check">
        <input
          type="radio"
          name="feed"
          checked={draft.kind === 'synthetic'}
          onChange={() => set({ kind: 'synthetic' })}
        />
        Synthetic bars in real time
      </label>
      {draft.kind === 'synthetic' && (
        <div className="inline-fields">
          <label htmlFor={ids.seed}>Seed</label>
          <input
            id={ids.seed}
            type="number"
            step={1}
            value={draft.seed}
            onChange={(event) => set({ seed: event.target.value })}
          />
          <label htmlFor={ids.barSeconds}>Seconds per bar</label>
          <input
            id={ids.barSeconds}
            type="number"
            min={0.1}
            step="any"
            value={draft.barSeconds}
            onChange={(event) => set({ barSeconds: event.target.value })}
          />
        </div>
      )}
      <label className="check">
        <input
          type="radio"
          name="feed"
          checked={draft.kind === 'dataset'}
          onChange={() => set({ kind: 'dataset' })}
        />
        Replay a dataset
      </label>
      {draft.kind === 'dataset' && (
        <div className="inline-fields">
          <label htmlFor={ids.dataset}>Dataset</label>
          {datasets.state === 'loading' ? (
            <span className="muted">Loading datasets…</span>
          ) : datasets.state === 'error' ? (
            <span className="tone-down">{datasets.message}</span>
          ) : datasets.value.length === 0 ? (
            <span className="muted">No datasets: upload one in the IDE's Data tab.</span>
          ) : (
            <select
              id={ids.dataset}
              value={draft.datasetId}
              onChange={(event) => set({ datasetId: event.target.value })}
            >
              <option value="">Choose…</option>
              {datasets.value.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name} ({d.symbol}, {d.barCount.toLocaleString()} bars)
                </option>
              ))}
            </select>
          )}
          <label htmlFor={ids.bps}>Bars per second</label>
          <input
            id={ids.bps}
            type="number"
            min={0.1}
            max={1000}
            step="any"
            value={draft.barsPerSecond}
            onChange={(event) => set({ barsPerSecond: event.target.value })}
          />
        </div>
      )}
      {problem && <p className="tone-down field-note">{problem}</p>}
    </fieldset>
  )
}
