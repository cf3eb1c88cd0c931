import { nodeDefinitions } from '@tradeloom/compiler'
import type { NodeCategory, NodeDefinition } from '@tradeloom/compiler'

/** The palette's sections, in the order a strategy reads: data in, signals, orders out. */
export const CATEGORY_ORDER: readonly { id: NodeCategory; label: string }[] = [
  { id: 'source', label: 'Sources' },
  { id: 'indicator', label: 'Indicators' },
  { id: 'math', label: 'Math' },
  { id: 'condition', label: 'Conditions' },
  { id: 'logic', label: 'Logic' },
  { id: 'filter', label: 'Filters' },
  { id: 'action', label: 'Actions' },
  { id: 'risk', label: 'Risk' },
  { id: 'sizing', label: 'Sizing' },
]

export interface PaletteGroup {
  id: NodeCategory
  label: string
  items: NodeDefinition[]
}

/**
 * Node kinds grouped by category, filtered by a search over label, kind, category and
 * description (every word must match somewhere). Empty groups are left out.
 */
export function paletteGroups(
  query: string,
  definitions: Readonly<Record<string, NodeDefinition>> = nodeDefinitions as unknown as Readonly<
    Record<string, NodeDefinition>
  >,
): PaletteGroup[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean)
  const all = Object.values(definitions)
  return CATEGORY_ORDER.flatMap(({ id, label }) => {
    const items = all
      .filter((definition) => definition.category === id)
      .filter((definition) => {
        const text =
          `${definition.label} ${definition.kind} ${label} ${definition.description}`.toLowerCase()
        return words.every((word) => text.includes(word))
      })
      .sort((a, b) => a.label.localeCompare(b.label))
    return items.length > 0 ? [{ id, label, items }] : []
  })
}

/** The drag-and-drop payload type of a palette item (its value is the node kind). */
export const PALETTE_MIME = 'application/x-tradeloom-node'
