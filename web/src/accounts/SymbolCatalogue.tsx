import { useId, useState } from 'react'
import type { FormEvent } from 'react'
import { deleteSymbol, importSymbols, upsertSymbol } from '../api/accounts'
import type { AccountSymbol, ImportResult, TradingAccount } from '../api/accounts'
import { messageOf } from '../app/message-of'
import { ErrorBox } from '../deployments/ui'
import { draftOf, SYMBOL_COLUMNS, symbolFromDraft } from './symbol-draft'
import type { SymbolDraft } from './symbol-draft'

/**
 * The account's symbol catalogue: a table whose rows edit in place, a row to add a symbol, and
 * the import of the JSON file `TradeloomSymbolExport.mq5` writes from the terminal's Market Watch.
 */
export function SymbolCatalogue({
  account,
  onChanged,
}: {
  account: TradingAccount
  onChanged(): Promise<void>
}) {
  // The row being edited: a symbol's name, or '' for a new symbol.
  const [editing, setEditing] = useState<string>()
  return (
    <section className="catalogue" aria-labelledby="catalogue-title" data-testid="catalogue">
      <div className="catalogue__header">
        <h3 id="catalogue-title">Symbols ({account.symbols.length})</h3>
        <button
          type="button"
          className="button button--ghost"
          disabled={editing !== undefined}
          onClick={() => setEditing('')}
        >
          Add symbol
        </button>
      </div>
      <ImportSymbols account={account} onImported={onChanged} />
      <div className="table-scroll">
        <table className="data-table catalogue__table" aria-label="Symbol catalogue">
          <thead>
            <tr>
              <th scope="col">Symbol</th>
              <th scope="col">Description</th>
              {SYMBOL_COLUMNS.map((column) => (
                <th key={column.field} scope="col">
                  {column.label}
                </th>
              ))}
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {editing === '' && (
              <EditRow
                accountId={account.id}
                onDone={async (saved) => {
                  setEditing(undefined)
                  if (saved) await onChanged()
                }}
              />
            )}
            {account.symbols.map((symbol) =>
              editing === symbol.name ? (
                <EditRow
                  key={symbol.name}
                  accountId={account.id}
                  original={symbol}
                  onDone={async (saved) => {
                    setEditing(undefined)
                    if (saved) await onChanged()
                  }}
                />
              ) : (
                <SymbolRow
                  key={symbol.name}
                  accountId={account.id}
                  symbol={symbol}
                  editingOther={editing !== undefined}
                  onEdit={() => setEditing(symbol.name)}
                  onDeleted={onChanged}
                />
              ),
            )}
          </tbody>
        </table>
      </div>
      {account.symbols.length === 0 && editing === undefined && (
        <p className="muted">No symbols: add one, or import the exporter's file.</p>
      )}
    </section>
  )
}

function SymbolRow({
  accountId,
  symbol,
  editingOther,
  onEdit,
  onDeleted,
}: {
  accountId: string
  symbol: AccountSymbol
  editingOther: boolean
  onEdit(): void
  onDeleted(): Promise<void>
}) {
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  async function onDelete() {
    if (!window.confirm(`Remove ${symbol.name} from this account's catalogue?`)) return
    setBusy(true)
    setError(undefined)
    try {
      await deleteSymbol(accountId, symbol.name)
      await onDeleted()
    } catch (caught) {
      setError(messageOf(caught))
      setBusy(false)
    }
  }

  return (
    <tr data-symbol={symbol.name}>
      <th scope="row">{symbol.name}</th>
      <td className="catalogue__description">{symbol.description}</td>
      {SYMBOL_COLUMNS.map((column) => (
        <td key={column.field} title={String(symbol[column.field])}>
          {Number(symbol[column.field].toPrecision(8))}
        </td>
      ))}
      <td className="catalogue__actions">
        <button
          type="button"
          className="button button--ghost"
          aria-label={`Edit ${symbol.name}`}
          disabled={editingOther || busy}
          onClick={onEdit}
        >
          Edit
        </button>
        <button
          type="button"
          className="button button--ghost"
          aria-label={`Remove ${symbol.name}`}
          disabled={editingOther || busy}
          onClick={() => void onDelete()}
        >
          Remove
        </button>
        {error && (
          <span className="tone-down" role="alert">
            {error}
          </span>
        )}
      </td>
    </tr>
  )
}

function EditRow({
  accountId,
  original,
  onDone,
}: {
  accountId: string
  original?: AccountSymbol
  onDone(saved: boolean): Promise<void>
}) {
  const [draft, setDraft] = useState<SymbolDraft>(() => draftOf(original))
  const [problem, setProblem] = useState<{ field?: keyof SymbolDraft; message: string }>()
  const [busy, setBusy] = useState(false)
  const who = original?.name ?? 'new symbol'
  const set = (field: keyof SymbolDraft, value: string) =>
    setDraft((before) => ({ ...before, [field]: value }))

  async function onSave(event?: FormEvent) {
    event?.preventDefault()
    const result = symbolFromDraft(draft, original)
    if (!result.ok) {
      setProblem({ field: result.field, message: result.message })
      return
    }
    setBusy(true)
    setProblem(undefined)
    try {
      await upsertSymbol(accountId, result.symbol)
      await onDone(true)
    } catch (caught) {
      setProblem({ message: messageOf(caught) })
      setBusy(false)
    }
  }

  return (
    <>
      <tr className="catalogue__edit" data-symbol={original?.name ?? 'new'}>
        <th scope="row">
          {original ? (
            original.name
          ) : (
            <input
              aria-label="New symbol name"
              value={draft.name}
              aria-invalid={problem?.field === 'name'}
              onChange={(event) => set('name', event.target.value)}
            />
          )}
        </th>
        <td>
          <input
            aria-label={`${who} description`}
            value={draft.description}
            onChange={(event) => set('description', event.target.value)}
          />
        </td>
        {SYMBOL_COLUMNS.map((column) => (
          <td key={column.field}>
            <input
              className="catalogue__number"
              inputMode="decimal"
              aria-label={`${who} ${column.label}`}
              value={draft[column.field]}
              aria-invalid={problem?.field === column.field}
              onChange={(event) => set(column.field, event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Enter') void onSave()
                if (event.key === 'Escape') void onDone(false)
              }}
            />
          </td>
        ))}
        <td className="catalogue__actions">
          <button
            type="button"
            className="button button--ghost"
            disabled={busy}
            onClick={() => void onSave()}
          >
            {busy ? 'Saving…' : 'Save'}
          </button>
          <button type="button" className="button button--ghost" onClick={() => void onDone(false)}>
            Cancel
          </button>
        </td>
      </tr>
      {problem && (
        <tr>
          <td colSpan={SYMBOL_COLUMNS.length + 3}>
            <span className="tone-down catalogue__problem" role="alert">
              {problem.message}
            </span>
          </td>
        </tr>
      )}
    </>
  )
}

function ImportSymbols({
  account,
  onImported,
}: {
  account: TradingAccount
  onImported(): Promise<void>
}) {
  const [file, setFile] = useState<File>()
  const [mode, setMode] = useState<'merge' | 'replace'>('merge')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [result, setResult] = useState<ImportResult>()
  const fileId = useId()
  const modeId = useId()

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    if (!file) return
    if (
      mode === 'replace' &&
      !window.confirm('Replace the whole catalogue with the file? Symbols not in it are removed.')
    ) {
      return
    }
    setBusy(true)
    setError(undefined)
    setResult(undefined)
    try {
      setResult(await importSymbols(account.id, await file.text(), mode))
      await onImported()
    } catch (caught) {
      setError(messageOf(caught))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="catalogue__import" onSubmit={(event) => void onSubmit(event)}>
      <label htmlFor={fileId}>Import the exporter's file</label>
      <input
        id={fileId}
        type="file"
        accept=".json,application/json"
        onChange={(event) => {
          setFile(event.target.files?.[0])
          setResult(undefined)
          setError(undefined)
        }}
      />
      <label htmlFor={modeId} className="sr-only">
        Import mode
      </label>
      <select
        id={modeId}
        value={mode}
        onChange={(event) => setMode(event.target.value as typeof mode)}
      >
        <option value="merge">Add and update symbols</option>
        <option value="replace">Replace the catalogue</option>
      </select>
      <button type="submit" className="button" disabled={!file || busy}>
        {busy ? 'Importing…' : 'Import'}
      </button>
      <p className="field-note">
        Run <code>TradeloomSymbolExport.mq5</code> (a script in Tradeloom's mql5-templates) in the
        terminal: it writes <code>tradeloom-symbols-&lt;login&gt;.json</code> with every Market
        Watch symbol to the terminal's common Files folder.
      </p>
      {error && <ErrorBox message={error} />}
      {result && (
        <div role="status" data-testid="import-result">
          <p className={result.errors.length ? 'tone-warn' : 'tone-up'}>
            Imported {result.imported} symbol{result.imported === 1 ? '' : 's'}
            {result.errors.length
              ? `; ${result.errors.length} row${result.errors.length === 1 ? '' : 's'} skipped:`
              : '.'}
          </p>
          {result.errors.length > 0 && (
            <table className="data-table" aria-label="Rows that were not imported">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Symbol</th>
                  <th scope="col">Field</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {result.errors.map((row, index) => (
                  <tr key={`${row.index}:${row.field ?? ''}:${index}`}>
                    <td>{row.index + 1}</td>
                    <td>{row.name ?? '—'}</td>
                    <td>{row.field ?? '—'}</td>
                    <td className="tone-down">{row.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </form>
  )
}
