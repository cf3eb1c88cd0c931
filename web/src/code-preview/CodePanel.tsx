import { useState } from 'react'
import Editor from '@monaco-editor/react'
import type { CompileResult } from '@tradeloom/compiler'
import './monaco-setup'
import './code-panel.css'

type Tab = 'typescript' | 'mql5'

const TABS: { id: Tab; label: string; language: string; path: string }[] = [
  { id: 'typescript', label: 'TypeScript', language: 'typescript', path: 'strategy.ts' },
  // Monaco has no MQL5 grammar yet; MQL5 is C++-like enough for C++ highlighting.
  // TODO(issue 6): a Monarch tokenizer for MQL5.
  { id: 'mql5', label: 'MQL5', language: 'cpp', path: 'strategy.mq5' },
]

/** The compiler's output for the current graph, read-only, one tab per target language. */
export function CodePanel({ compiled, fileStem }: { compiled: CompileResult; fileStem: string }) {
  const [tab, setTab] = useState<Tab>('typescript')
  const active = TABS.find((candidate) => candidate.id === tab) ?? TABS[0]!
  const source = compiled.ok ? (tab === 'typescript' ? compiled.ts : compiled.mql5) : undefined

  return (
    <section className="panel code-panel" aria-label="Generated code">
      <div className="tabs" role="tablist" aria-label="Code language">
        {TABS.map((candidate) => (
          <button
            key={candidate.id}
            type="button"
            role="tab"
            id={`code-tab-${candidate.id}`}
            aria-selected={candidate.id === tab}
            aria-controls="code-tabpanel"
            data-testid={`code-tab-${candidate.id}`}
            className="tabs__tab"
            onClick={() => setTab(candidate.id)}
          >
            {candidate.label}
          </button>
        ))}
        <span className="tabs__hint">Read-only: generated from the canvas</span>
        <button
          type="button"
          className="button button--ghost"
          data-testid="code-download"
          disabled={source === undefined}
          onClick={() =>
            source !== undefined && downloadText(fileName(fileStem, active.path), source)
          }
        >
          Download {active.path.slice(active.path.lastIndexOf('.'))}
        </button>
      </div>
      <div
        id="code-tabpanel"
        role="tabpanel"
        aria-labelledby={`code-tab-${tab}`}
        className="code-panel__body"
        data-testid="code-panel"
        data-language={tab}
        // The raw text, so tests and assistive tools do not depend on Monaco's virtualised DOM.
        data-source-length={source?.length ?? 0}
      >
        {source === undefined ? (
          <p className="empty-state" role="status">
            The graph has errors, so there is no code yet. Fix the marked blocks on the canvas.
          </p>
        ) : (
          <Editor
            path={active.path}
            language={active.language}
            value={source}
            theme="tradeloom-dark"
            loading={<p className="empty-state">Loading editor…</p>}
            options={{
              readOnly: true,
              domReadOnly: true,
              minimap: { enabled: false },
              fontSize: 13,
              scrollBeyondLastLine: false,
              automaticLayout: true,
              renderLineHighlight: 'none',
              padding: { top: 8 },
            }}
          />
        )}
      </div>
    </section>
  )
}

/** Saves text as a file through a blob URL, so nothing leaves the browser. */
function downloadText(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }))
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  // Revoke after the click has been handled; revoking synchronously can cancel the download.
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** "SMA cross" + "strategy.mq5" -> "SMA_cross.mq5": MetaEditor dislikes spaces in file names. */
function fileName(stem: string, path: string): string {
  const safe = stem.replace(/[^A-Za-z0-9_-]+/g, '_').replace(/^_+|_+$/g, '')
  return `${safe || 'strategy'}${path.slice(path.lastIndexOf('.'))}`
}
