import { useEffect, useId, useRef, useState } from 'react'
import type { FormEvent } from 'react'
import { SYMBOLS } from '@tradeloom/runtime'
import { QualityReport } from './QualityReport'
import { SYNTHETIC_DEFAULT, useDataStore } from './useDataStore'
import './datasets.css'

const SYNTHETIC_SIZES = [3000, 10_000, 100_000]

/** Epoch seconds ↔ the `yyyy-mm-dd` of a date input (UTC). */
const toDateInput = (iso: string) => iso.slice(0, 10)
const fromDateInput = (value: string, endOfDay: boolean) =>
  value === '' ? undefined : Date.parse(`${value}T${endOfDay ? '23:59:59' : '00:00:00'}Z`) / 1000

/**
 * Which data the preview and full backtests use: seeded synthetic bars, or an uploaded CSV (with
 * upload progress and the importer's quality report), a symbol and a date range.
 */
export function DatasetPanel({ signedIn }: { signedIn: boolean }) {
  const { selection, datasets, listing, upload, select, refresh, uploadFile } = useDataStore()
  const [file, setFile] = useState<File | null>(null)
  const [symbol, setSymbol] = useState('EURUSD')
  const [skipBadRows, setSkipBadRows] = useState(false)
  const fileInput = useRef<HTMLInputElement>(null)
  const ids = {
    file: useId(),
    symbol: useId(),
    data: useId(),
    from: useId(),
    to: useId(),
    size: useId(),
  }

  useEffect(() => {
    if (signedIn) void refresh()
  }, [signedIn, refresh])

  function onUpload(event: FormEvent) {
    event.preventDefault()
    if (!file) return
    void uploadFile(file, { name: file.name.replace(/\.[^.]+$/, ''), symbol, skipBadRows })
  }

  const current =
    selection.kind === 'dataset' ? datasets.find((d) => d.id === selection.datasetId) : undefined

  return (
    <section className="datasets" aria-label="Data" data-testid="datasets">
      <form className="datasets__upload" onSubmit={onUpload}>
        <h3>Upload bars (CSV)</h3>
        <label htmlFor={ids.file}>File: MT5 export, MetaTrader5-python, Yahoo or OHLCV CSV</label>
        <input
          id={ids.file}
          ref={fileInput}
          type="file"
          accept=".csv,.txt,text/csv"
          data-testid="dataset-file"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <div className="datasets__row">
          <label htmlFor={ids.symbol}>Symbol</label>
          <select
            id={ids.symbol}
            value={symbol}
            onChange={(event) => setSymbol(event.target.value)}
          >
            {Object.keys(SYMBOLS).map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
          <label className="datasets__check">
            <input
              type="checkbox"
              checked={skipBadRows}
              onChange={(e) => setSkipBadRows(e.target.checked)}
            />
            Skip bad rows
          </label>
          <button
            type="submit"
            className="button button--primary"
            data-testid="dataset-upload"
            disabled={!file || upload.state === 'uploading'}
          >
            Upload
          </button>
        </div>
        {upload.state === 'uploading' && (
          <div className="progress" role="status">
            <progress
              max={1}
              value={upload.fraction}
              aria-label="Upload progress"
              data-testid="upload-progress"
            />
            <span>
              {Math.round(upload.fraction * 100)} % of {upload.fileName}
            </span>
          </div>
        )}
        {upload.state === 'error' && (
          <div className="error-box" role="alert" data-testid="upload-error">
            <p>{upload.message}</p>
            {upload.report && <QualityReport report={upload.report} />}
          </div>
        )}
        {upload.state === 'done' && (
          <div className="datasets__done" data-testid="upload-done">
            <p className="tone-up">
              Stored “{upload.dataset.name}”: {upload.dataset.barCount.toLocaleString()} bars,{' '}
              {upload.dataset.timeframe ?? 'unknown timeframe'}, {toDateInput(upload.dataset.from)}{' '}
              to {toDateInput(upload.dataset.to)}.
            </p>
            {upload.dataset.report && <QualityReport report={upload.dataset.report} />}
          </div>
        )}
      </form>

      <div className="datasets__choose">
        <h3>Run the preview on</h3>
        <label htmlFor={ids.data}>Data</label>
        <select
          id={ids.data}
          data-testid="data-select"
          value={selection.kind === 'dataset' ? selection.datasetId : 'synthetic'}
          onChange={(event) => {
            const dataset = datasets.find((d) => d.id === event.target.value)
            select(
              dataset
                ? {
                    kind: 'dataset',
                    datasetId: dataset.id,
                    name: dataset.name,
                    symbol: dataset.symbol,
                  }
                : SYNTHETIC_DEFAULT,
            )
          }}
        >
          <option value="synthetic">Synthetic market (seeded)</option>
          {datasets.map((dataset) => (
            <option key={dataset.id} value={dataset.id}>
              {dataset.name} · {dataset.symbol} {dataset.timeframe ?? ''} ·{' '}
              {dataset.barCount.toLocaleString()} bars
            </option>
          ))}
        </select>
        {listing.state === 'error' && (
          <p className="error-box" role="alert">
            Could not list datasets: {listing.message}
          </p>
        )}
        {selection.kind === 'synthetic' ? (
          <div className="datasets__row">
            <label htmlFor={ids.size}>Bars</label>
            <select
              id={ids.size}
              data-testid="synthetic-size"
              value={selection.bars}
              onChange={(event) => select({ ...selection, bars: Number(event.target.value) })}
            >
              {SYNTHETIC_SIZES.map((size) => (
                <option key={size} value={size}>
                  {size.toLocaleString()}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <div className="datasets__row">
            <label htmlFor={ids.from}>From</label>
            <input
              id={ids.from}
              type="date"
              min={current && toDateInput(current.from)}
              max={current && toDateInput(current.to)}
              onChange={(event) =>
                select({ ...selection, from: fromDateInput(event.target.value, false) })
              }
            />
            <label htmlFor={ids.to}>To</label>
            <input
              id={ids.to}
              type="date"
              min={current && toDateInput(current.from)}
              max={current && toDateInput(current.to)}
              onChange={(event) =>
                select({ ...selection, to: fromDateInput(event.target.value, true) })
              }
            />
          </div>
        )}
      </div>
    </section>
  )
}
