import { useId, useMemo, useState } from 'react'
import type { DragEvent } from 'react'
import type { NodeDefinition } from '@tradeloom/compiler'
import { PALETTE_MIME, paletteGroups } from './palette-items'
import './palette.css'

/**
 * Every block the compiler offers, by category, with a search. Drag an item onto the canvas, or
 * focus it and press Enter to drop it in the middle of the view (keyboard access).
 */
export function Palette({ onAdd, disabled }: { onAdd(kind: string): void; disabled: boolean }) {
  const [query, setQuery] = useState('')
  const groups = useMemo(() => paletteGroups(query), [query])
  const searchId = useId()

  function onDragStart(event: DragEvent, definition: NodeDefinition) {
    event.dataTransfer.setData(PALETTE_MIME, definition.kind)
    event.dataTransfer.setData('text/plain', definition.label)
    event.dataTransfer.effectAllowed = 'copy'
  }

  return (
    <nav className="panel palette" aria-label="Blocks" data-testid="palette">
      <header className="panel__header">
        <h2>Blocks</h2>
      </header>
      <label className="sr-only" htmlFor={searchId}>
        Search blocks
      </label>
      <input
        id={searchId}
        className="palette__search"
        type="search"
        placeholder="Search blocks…"
        value={query}
        data-testid="palette-search"
        onChange={(event) => setQuery(event.target.value)}
      />
      <div className="palette__groups">
        {groups.length === 0 && <p className="muted palette__none">No block matches “{query}”.</p>}
        {groups.map((group) => (
          <section key={group.id} aria-label={group.label} className="palette__group">
            <h3 className={`palette__category palette__category--${group.id}`}>{group.label}</h3>
            <ul>
              {group.items.map((definition) => (
                <li key={definition.kind}>
                  <button
                    type="button"
                    className="palette__item"
                    draggable={!disabled}
                    disabled={disabled}
                    data-testid="palette-item"
                    data-kind={definition.kind}
                    title={definition.description}
                    aria-label={`Add ${definition.label}: ${definition.description}`}
                    onDragStart={(event) => onDragStart(event, definition)}
                    onClick={() => onAdd(definition.kind)}
                  >
                    {definition.label}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </nav>
  )
}
