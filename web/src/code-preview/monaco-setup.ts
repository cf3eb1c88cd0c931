import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor'
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker'
import TsWorker from 'monaco-editor/esm/vs/language/typescript/ts.worker?worker'

/**
 * Monaco comes from our own bundle, never a CDN: @monaco-editor/react would otherwise fetch it
 * from jsdelivr, which breaks offline use and leaks every page view to a third party.
 * Importing this module is the setup; CodePanel imports it before rendering an editor.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'typescript' || label === 'javascript') return new TsWorker()
    return new EditorWorker()
  },
}

loader.config({ monaco })

/** vs-dark on the IDE's panel colour, so the editor does not look like a pasted-in window. */
monaco.editor.defineTheme('tradeloom-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [],
  colors: {
    'editor.background': '#11151c',
    'editor.lineHighlightBackground': '#171c25',
    'editorLineNumber.foreground': '#4a5568',
    'editorGutter.background': '#11151c',
  },
})

export { monaco }
