import { useState } from 'react'
import Editor from '@monaco-editor/react'
import type { CompileResult } from '@tradeloom/compiler'
import { useCodeStore } from '../code/useCodeStore'
import { downloadText, fileName } from './download-text'
import './monaco-setup'
import './code-panel.css'

type Tab = 'typescript' | 'mql5' | 'summary'

const TABS: { id: Tab; label: string }[] = [
  { id: 'typescript', label: 'TypeScript' },
  { id: 'mql5', label: 'MQL5' },
  { id: 'summary', label: 'Plain language' },
]

const EDITOR_OPTIONS = {
  minimap: { enabled: false },
  fontSize: 13,
  scrollBeyondLastLine: false,
  automaticLayout: true,
  padding: { top: 8 },
} as const

/**
 * The strategy as code: the generated TypeScript (or the user's, once taken over), the MQL5
 * Expert Advisor (read-only, MQL5 highlighting, copy and download) and a plain-language summary.
 */
export function CodePanel({
  compiled,
  fileStem,
  readOnly,
}: {
  compiled: CompileResult
  fileStem: string
  readOnly: boolean
}) {
  const [tab, setTab] = useState<Tab>('typescript')
  const [copied, setCopied] = useState(false)
  const [typeErrors, setTypeErrors] = useState<string[]>([])
  const mode = useCodeStore((state) => state.mode)
  const code = useCodeStore((state) => state.code)
  const setCode = useCodeStore((state) => state.setCode)
  const takeOver = useCodeStore((state) => state.takeOver)
  const isCode = mode === 'code'

  const source =
    tab === 'typescript'
      ? isCode
        ? code
        : compiled.ok
          ? compiled.ts
          : undefined
      : tab === 'mql5' && !isCode && compiled.ok
        ? compiled.mql5
        : undefined
  const extension = tab === 'mql5' ? '.mq5' : '.ts'

  async function copy() {
    if (source === undefined) return
    await navigator.clipboard.writeText(source)
    setCopied(true)
    setTimeout(() => setCopied(false), 1500)
  }

  function onTakeOver() {
    if (!compiled.ok) return
    const ok = window.confirm(
      'Take over as code? The strategy becomes a code strategy: you edit the TypeScript, and the canvas no longer changes it. Earlier graph versions stay in the history.',
    )
    if (ok) takeOver(compiled.ts, compiled.plots)
  }

  return (
    <section className="panel code-panel" aria-label="Code">
      <div className="tabs" role="tablist" aria-label="Code view">
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
      </div>
      <div className="code-panel__actions">
        <span className={`pill ${isCode ? 'tone-warn' : 'muted'}`} data-testid="code-mode">
          {isCode ? 'Code strategy' : 'Generated'}
        </span>
        {tab === 'typescript' && !isCode && !readOnly && (
          <button
            type="button"
            className="button button--ghost"
            data-testid="take-over"
            disabled={!compiled.ok}
            onClick={onTakeOver}
          >
            Take over as code
          </button>
        )}
        {tab === 'typescript' && isCode && (
          <span
            className={typeErrors.length > 0 ? 'tone-down' : 'tone-up'}
            data-testid="type-errors"
            title={typeErrors.join('\n')}
          >
            {typeErrors.length === 0
              ? 'No type errors'
              : `${typeErrors.length} type error${typeErrors.length === 1 ? '' : 's'}: ${typeErrors[0]}`}
          </span>
        )}
        {tab !== 'summary' && (
          <>
            <button
              type="button"
              className="button button--ghost"
              data-testid="code-copy"
              disabled={source === undefined}
              onClick={() => void copy()}
            >
              {copied ? 'Copied' : 'Copy'}
            </button>
            <button
              type="button"
              className="button button--ghost"
              data-testid="code-download"
              disabled={source === undefined}
              onClick={() =>
                source !== undefined && downloadText(fileName(fileStem, extension), source)
              }
            >
              Download {extension}
            </button>
          </>
        )}
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
        {tab === 'summary' ? (
          <Summary compiled={compiled} isCode={isCode} />
        ) : source === undefined ? (
          <p className="empty-state" role="status">
            {isCode
              ? 'A code strategy has no generated MQL5 Expert Advisor: the MQL5 is written from the canvas, and this strategy is code now.'
              : 'The graph has errors, so there is no code yet. Fix the marked blocks on the canvas.'}
          </p>
        ) : (
          <Editor
            path={tab === 'mql5' ? 'strategy.mq5' : isCode ? 'user-strategy.ts' : 'strategy.ts'}
            language={tab === 'mql5' ? 'mql5' : 'typescript'}
            value={source}
            theme="tradeloom-dark"
            loading={<p className="empty-state">Loading editor…</p>}
            onChange={(value) =>
              isCode && tab === 'typescript' && value !== undefined && setCode(value)
            }
            onValidate={(markers) =>
              setTypeErrors(
                markers
                  .filter((marker) => marker.severity >= 8)
                  .map((marker) => `line ${marker.startLineNumber}: ${marker.message}`),
              )
            }
            options={{
              ...EDITOR_OPTIONS,
              readOnly: !(isCode && tab === 'typescript') || readOnly,
              domReadOnly: !(isCode && tab === 'typescript') || readOnly,
              renderLineHighlight: isCode ? 'line' : 'none',
            }}
          />
        )}
      </div>
    </section>
  )
}

function Summary({ compiled, isCode }: { compiled: CompileResult; isCode: boolean }) {
  if (isCode) {
    return (
      <p className="empty-state" data-testid="summary">
        This is a code strategy: what it does is what the TypeScript says. Summaries are written
        from the canvas.
      </p>
    )
  }
  if (!compiled.ok) {
    return (
      <p className="empty-state" data-testid="summary">
        The graph has errors, so there is nothing to summarise yet.
      </p>
    )
  }
  return (
    <div className="summary" data-testid="summary">
      <h3>What this strategy does</h3>
      <ul>
        {compiled.summary.map((sentence, n) => (
          <li key={n}>{sentence}</li>
        ))}
      </ul>
      <p className="muted">
        Decisions are made at each bar's close and orders fill at the next bar's open. It needs{' '}
        {compiled.warmupBars} bars of history before its first trade.
      </p>
    </div>
  )
}
