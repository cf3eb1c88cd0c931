import { useEffect, useRef, useState } from 'react'
import { listStrategies } from '../api/client'
import type { StrategySummary } from '../api/client'
import { strategyTemplates } from '@tradeloom/compiler'
import type { StrategyGraph } from '@tradeloom/compiler'
import './gallery.css'

const BLANK: StrategyGraph = {
  schemaVersion: 1,
  meta: { name: 'New strategy', symbol: 'EURUSD', timeframe: 'H1', strategyClass: 'RULE' },
  nodes: [],
  edges: [],
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

type Saved =
  | { state: 'loading' }
  | { state: 'ready'; list: StrategySummary[] }
  | { state: 'error'; message: string }

/**
 * Start a new strategy from one of the compiler's templates (with its description) or blank, or
 * open one of your saved strategies.
 */
export function Gallery({
  onPick,
  onClose,
}: {
  onPick(graph: StrategyGraph): void
  onClose(): void
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [saved, setSaved] = useState<Saved>({ state: 'loading' })
  useEffect(() => {
    dialog.current?.showModal()
    listStrategies()
      .then((list) => setSaved({ state: 'ready', list }))
      .catch((error: unknown) =>
        setSaved({
          state: 'error',
          message: error instanceof Error ? error.message : String(error),
        }),
      )
  }, [])
  return (
    <dialog
      ref={dialog}
      className="gallery"
      aria-labelledby="gallery-title"
      data-testid="gallery"
      onClose={onClose}
    >
      <header className="gallery__header">
        <h2 id="gallery-title">Open or start a strategy</h2>
        <button type="button" className="button button--ghost" onClick={onClose}>
          Cancel
        </button>
      </header>
      <h3 className="gallery__section">Your strategies</h3>
      {saved.state === 'loading' ? (
        <p className="muted" role="status">
          Loading your strategies…
        </p>
      ) : saved.state === 'error' ? (
        <p className="error-box" role="alert">
          Could not list your strategies: {saved.message}
        </p>
      ) : saved.list.length === 0 ? (
        <p className="muted">Nothing saved yet.</p>
      ) : (
        <ul className="gallery__saved" data-testid="saved-strategies">
          {saved.list.map((strategy) => (
            <li key={strategy.id}>
              <a href={`/?strategy=${encodeURIComponent(strategy.id)}`}>
                <strong>{strategy.name}</strong>
                <span className="muted">
                  {strategy.symbol} · {strategy.timeframe}
                  {strategy.latestVersion
                    ? ` · v${strategy.latestVersion.version}`
                    : ' · no versions'}{' '}
                  · {when.format(new Date(strategy.updatedAt))}
                </span>
              </a>
            </li>
          ))}
        </ul>
      )}
      <h3 className="gallery__section">Start new</h3>
      <ul className="gallery__grid">
        <li>
          <button
            type="button"
            className="gallery__card"
            data-testid="template-blank"
            onClick={() => onPick(BLANK)}
          >
            <strong>Blank canvas</strong>
            <span>Start with nothing and drag blocks in from the palette.</span>
          </button>
        </li>
        {strategyTemplates.map((template) => (
          <li key={template.id}>
            <button
              type="button"
              className="gallery__card"
              data-testid="template"
              data-template={template.id}
              onClick={() => onPick(template.graph)}
            >
              <strong>{template.name}</strong>
              <span>{template.description}</span>
              <span className="gallery__meta">
                {template.graph.meta.symbol} · {template.graph.meta.timeframe} ·{' '}
                {template.graph.nodes.length} blocks
              </span>
            </button>
          </li>
        ))}
      </ul>
    </dialog>
  )
}
