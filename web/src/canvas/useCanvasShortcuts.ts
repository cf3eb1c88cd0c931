import { useEffect } from 'react'
import { useGraphStore } from './useGraphStore'

/** True when a key press belongs to a text field or the code editor, not to the canvas. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.closest('.monaco-editor')) return true
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)
}

/**
 * Canvas shortcuts, active while the page (not a text field) has focus:
 * Ctrl/Cmd+Z undo, Ctrl/Cmd+Shift+Z or Ctrl+Y redo, Ctrl/Cmd+C copy, Ctrl/Cmd+V paste,
 * Ctrl/Cmd+D duplicate, Ctrl/Cmd+A select all, Shift+L auto-layout, Shift+1 fit view.
 * Delete/Backspace are React Flow's own.
 */
export function useCanvasShortcuts(enabled: boolean, fitView: () => void): void {
  useEffect(() => {
    if (!enabled) return
    function onKeyDown(event: KeyboardEvent) {
      if (isTyping(event.target)) return
      const store = useGraphStore.getState()
      const mod = event.ctrlKey || event.metaKey
      const key = event.key.toLowerCase()
      let handled = true
      if (mod && key === 'z' && !event.shiftKey) store.undo()
      else if (mod && ((key === 'z' && event.shiftKey) || key === 'y')) store.redo()
      else if (mod && key === 'c') store.copySelection()
      else if (mod && key === 'v') store.paste()
      else if (mod && key === 'd') store.duplicateSelection()
      else if (mod && key === 'a') store.selectAll()
      else if (!mod && event.shiftKey && key === 'l') store.layout()
      else if (!mod && event.shiftKey && event.code === 'Digit1') fitView()
      else handled = false
      if (handled) event.preventDefault()
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [enabled, fitView])
}
