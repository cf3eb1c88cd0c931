import { useGraphStore } from './useGraphStore'

/** Undo, redo, layout and selection commands as buttons, each naming its shortcut. */
export function CanvasToolbar({ onFitView }: { onFitView(): void }) {
  const canUndo = useGraphStore((state) => state.past.length > 0)
  const canRedo = useGraphStore((state) => state.future.length > 0)
  const hasSelection = useGraphStore(
    (state) => state.nodes.some((node) => node.selected) || state.edges.some((e) => e.selected),
  )
  const store = useGraphStore.getState
  const buttons: { label: string; keys: string; run(): void; enabled: boolean; id: string }[] = [
    { id: 'undo', label: 'Undo', keys: 'Ctrl+Z', run: () => store().undo(), enabled: canUndo },
    {
      id: 'redo',
      label: 'Redo',
      keys: 'Ctrl+Shift+Z',
      run: () => store().redo(),
      enabled: canRedo,
    },
    {
      id: 'duplicate',
      label: 'Duplicate',
      keys: 'Ctrl+D',
      run: () => store().duplicateSelection(),
      enabled: hasSelection,
    },
    {
      id: 'delete',
      label: 'Delete',
      keys: 'Delete',
      run: () => store().deleteSelection(),
      enabled: hasSelection,
    },
    { id: 'layout', label: 'Tidy up', keys: 'Shift+L', run: () => store().layout(), enabled: true },
    { id: 'fit', label: 'Fit view', keys: 'Shift+1', run: onFitView, enabled: true },
  ]
  return (
    <div className="canvas-toolbar" role="toolbar" aria-label="Canvas commands">
      {buttons.map((button) => (
        <button
          key={button.id}
          type="button"
          className="button button--ghost"
          data-testid={`canvas-${button.id}`}
          disabled={!button.enabled}
          title={`${button.label} (${button.keys})`}
          aria-keyshortcuts={button.keys.replace('Ctrl', 'Control')}
          onClick={button.run}
        >
          {button.label}
        </button>
      ))}
    </div>
  )
}
