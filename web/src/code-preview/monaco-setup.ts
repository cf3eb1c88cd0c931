import { loader } from '@monaco-editor/react'
import * as monaco from 'monaco-editor'
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker?worker'
import TsWorker from 'monaco-editor/esm/vs/language/typescript/ts.worker?worker'
import runtimeDts from 'virtual:tradeloom-runtime-dts'
import { mql5Configuration, mql5Language } from './mql5-language'

/**
 * Monaco comes from our own bundle, never a CDN: @monaco-editor/react would otherwise fetch it
 * from jsdelivr, which breaks offline use and leaks every page view to a third party.
 * Importing this module is the setup; the code panel imports it before rendering an editor.
 */
self.MonacoEnvironment = {
  getWorker(_workerId: string, label: string): Worker {
    if (label === 'typescript' || label === 'javascript') return new TsWorker()
    return new EditorWorker()
  },
}

loader.config({ monaco })

monaco.languages.register({ id: 'mql5', extensions: ['.mq5', '.mqh'], aliases: ['MQL5'] })
monaco.languages.setMonarchTokensProvider('mql5', mql5Language)
monaco.languages.setLanguageConfiguration('mql5', mql5Configuration)

// A strategy module is checked as the runtime checks it: strict ES2022, no DOM, and
// `@tradeloom/runtime` resolved to the runtime's own declarations (emitted at build time).
const ts = monaco.languages.typescript
ts.typescriptDefaults.setCompilerOptions({
  target: ts.ScriptTarget.ESNext,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.NodeJs,
  lib: ['es2022'],
  strict: true,
  noEmit: true,
  allowNonTsExtensions: true,
  isolatedModules: true,
})
ts.typescriptDefaults.setDiagnosticsOptions({
  noSemanticValidation: false,
  noSyntaxValidation: false,
})
for (const [path, text] of Object.entries(runtimeDts)) {
  ts.typescriptDefaults.addExtraLib(text, `file:///node_modules/@tradeloom/runtime/${path}`)
}
ts.typescriptDefaults.addExtraLib(
  JSON.stringify({ name: '@tradeloom/runtime', types: 'index.d.ts' }),
  'file:///node_modules/@tradeloom/runtime/package.json',
)

/** vs-dark on the IDE's panel colour, so the editor does not look like a pasted-in window. */
monaco.editor.defineTheme('tradeloom-dark', {
  base: 'vs-dark',
  inherit: true,
  rules: [
    { token: 'keyword.directive', foreground: 'c586c0' },
    { token: 'constant', foreground: '4fc1ff' },
    { token: 'support.function', foreground: 'dcdcaa', fontStyle: 'bold' },
    { token: 'identifier.function', foreground: 'dcdcaa' },
  ],
  colors: {
    'editor.background': '#11151c',
    'editor.lineHighlightBackground': '#171c25',
    'editorLineNumber.foreground': '#4a5568',
    'editorGutter.background': '#11151c',
  },
})

export { monaco }
