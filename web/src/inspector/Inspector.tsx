import { useId } from 'react'
import { useShallow } from 'zustand/react/shallow'
import { getNodeDefinition, TIMEFRAMES } from '@tradeloom/compiler'
import type { Diagnostic, Timeframe } from '@tradeloom/compiler'
import { visibleParams } from '../canvas/format-param'
import { humanizeName } from '../canvas/port-label'
import { useGraphStore } from '../canvas/useGraphStore'
import { ParamField } from './ParamField'
import './inspector.css'

/**
 * Settings of the selected block, generated from its definition: one labelled field per
 * parameter (hidden while `onlyWhen` says it does not apply), inline validation, the compiler's
 * diagnostics for it, and its description. With nothing selected: the strategy's own settings.
 */
export function Inspector({
  diagnostics,
  readOnly,
}: {
  diagnostics: readonly Diagnostic[]
  readOnly: boolean
}) {
  // Ids only, compared shallowly: a new array on every store change would re-render forever.
  const selected = useGraphStore(
    useShallow((state) => state.nodes.filter((node) => node.selected).map((node) => node.id)),
  )
  const graph = useGraphStore((state) => state.graph)
  if (selected.length > 1) {
    return (
      <section className="inspector" aria-label="Inspector" data-testid="inspector">
        <p className="muted">
          {selected.length} blocks selected. Ctrl+C copies them, Ctrl+D duplicates, Delete removes.
        </p>
      </section>
    )
  }
  const selectedId = selected[0]
  const node =
    selectedId === undefined
      ? undefined
      : graph.nodes.find((candidate) => candidate.id === selectedId)
  if (!node) return <StrategySettings readOnly={readOnly} />
  const definition = getNodeDefinition(node.kind)
  if (!definition) {
    return (
      <section className="inspector" aria-label="Inspector" data-testid="inspector">
        <p className="error-box">Unknown block kind “{node.kind}”.</p>
      </section>
    )
  }
  const mine = diagnostics.filter((d) => d.nodeId === node.id)
  return (
    <section
      className="inspector"
      aria-label={`Inspector: ${definition.label}`}
      data-testid="inspector"
    >
      <header className="inspector__header">
        <span className={`inspector__category strategy-node--${definition.category}`}>
          {definition.category}
        </span>
        <h3 className="inspector__title">{definition.label}</h3>
        <p className="inspector__description" data-testid="inspector-description">
          {definition.description}
        </p>
      </header>
      <LabelField
        nodeId={node.id}
        label={node.label}
        placeholder={definition.label}
        readOnly={readOnly}
      />
      <div className="inspector__fields">
        {visibleParams(definition, node.params).map(([name, spec]) => (
          <ParamField
            key={`${node.id}:${name}`}
            nodeId={node.id}
            name={name}
            spec={spec}
            value={node.params[name] ?? spec.default}
            readOnly={readOnly}
            diagnostics={mine.filter((d) => d.param === name)}
          />
        ))}
        {Object.keys(definition.params).length === 0 && (
          <p className="muted">This block has no settings.</p>
        )}
      </div>
      <Ports
        inputs={definition.inputs}
        outputs={definition.outputs}
        optional={definition.optionalInputs}
      />
      {mine.filter((d) => d.param === undefined).length > 0 && (
        <ul className="inspector__problems" role="alert">
          {mine
            .filter((d) => d.param === undefined)
            .map((d, n) => (
              <li key={n} className={`diagnostic diagnostic--${d.severity}`}>
                {d.message}
              </li>
            ))}
        </ul>
      )}
    </section>
  )
}

function LabelField(props: {
  nodeId: string
  label?: string
  placeholder: string
  readOnly: boolean
}) {
  const id = useId()
  const setLabel = useGraphStore((state) => state.setLabel)
  return (
    <div className="field">
      <label htmlFor={id}>Name on the canvas</label>
      <input
        id={id}
        key={props.nodeId}
        defaultValue={props.label ?? ''}
        placeholder={props.placeholder}
        maxLength={80}
        disabled={props.readOnly}
        data-testid="inspector-label"
        onBlur={(event) => {
          if (event.target.value.trim() !== (props.label ?? ''))
            setLabel(props.nodeId, event.target.value)
        }}
      />
    </div>
  )
}

function Ports(props: {
  inputs: Readonly<Record<string, string>>
  outputs: Readonly<Record<string, string>>
  optional?: readonly string[]
}) {
  const rows = [
    ...Object.entries(props.inputs).map(([port, type]) => ({ port, type, side: 'In' })),
    ...Object.entries(props.outputs).map(([port, type]) => ({ port, type, side: 'Out' })),
  ]
  if (rows.length === 0) return null
  return (
    <table className="inspector__ports">
      <caption className="sr-only">Ports</caption>
      <tbody>
        {rows.map((row) => (
          <tr key={`${row.side}:${row.port}`}>
            <th scope="row">{row.side}</th>
            <td>
              {humanizeName(row.port)}
              {props.optional?.includes(row.port) ? ' (optional)' : ''}
            </td>
            <td className="muted">{row.type}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function StrategySettings({ readOnly }: { readOnly: boolean }) {
  const meta = useGraphStore((state) => state.meta)
  const setMeta = useGraphStore((state) => state.setMeta)
  const symbolId = useId()
  const timeframeId = useId()
  return (
    <section className="inspector" aria-label="Strategy settings" data-testid="inspector">
      <header className="inspector__header">
        <h3 className="inspector__title">Strategy</h3>
        <p className="inspector__description">
          Select a block to edit its settings. Drag blocks in from the palette and connect an output
          to an input of the same colour.
        </p>
      </header>
      <div className="inspector__fields">
        <div className="field">
          <label htmlFor={symbolId}>Symbol</label>
          <input
            id={symbolId}
            defaultValue={meta.symbol}
            maxLength={32}
            disabled={readOnly}
            onBlur={(e) =>
              e.target.value.trim() &&
              e.target.value !== meta.symbol &&
              setMeta({ symbol: e.target.value.trim() })
            }
          />
        </div>
        <div className="field">
          <label htmlFor={timeframeId}>Timeframe</label>
          <select
            id={timeframeId}
            value={meta.timeframe}
            disabled={readOnly}
            onChange={(e) => setMeta({ timeframe: e.target.value as Timeframe })}
          >
            {TIMEFRAMES.map((tf) => (
              <option key={tf} value={tf}>
                {tf}
              </option>
            ))}
          </select>
        </div>
      </div>
    </section>
  )
}
