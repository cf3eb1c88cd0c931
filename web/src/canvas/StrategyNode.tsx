import { memo } from 'react'
import { Handle, Position } from '@xyflow/react'
import type { NodeProps } from '@xyflow/react'
import { getNodeDefinition } from '@tradeloom/compiler'
import type { Diagnostic, NodeDefinition, PortType } from '@tradeloom/compiler'
import type { NodeValue } from '../replay/node-values'
import { useNodeValues } from '../replay/node-values-context'
import { useNodeDiff } from '../versions/diff-context'
import type { FlowNode } from './graph-adapter'
import { useNodeDiagnostics } from './diagnostics-context'
import { formatParam, visibleParams } from './format-param'
import { humanizeName } from './port-label'

/** Params shown on the node body; the inspector shows all of them. */
const KEY_PARAMS = 3

/**
 * The one component that renders every node kind, from its definition in the compiler's
 * registry: title, key parameters, its value on the selected bar after a preview, and a typed
 * handle per port. Adding a kind needs no change here.
 */
export const StrategyNode = memo(function StrategyNode({
  id,
  data,
  selected,
}: NodeProps<FlowNode>) {
  const definition = getNodeDefinition(data.kind)
  const diagnostics = useNodeDiagnostics(id)
  const values = useNodeValues(id)
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  const status = errors.length > 0 ? 'error' : diagnostics.length > 0 ? 'warning' : 'ok'
  const title = data.label ?? definition?.label ?? data.kind
  const diff = useNodeDiff(id)

  return (
    <div
      className={`strategy-node strategy-node--${definition?.category ?? 'unknown'} is-${status}${selected ? ' is-selected' : ''}${diff ? ` diff--${diff}` : ''}`}
      data-testid="strategy-node"
      data-kind={data.kind}
      data-status={status}
      data-diff={diff}
      title={definition?.description}
    >
      <header className="strategy-node__header">
        <span className="strategy-node__category">{definition?.category ?? 'unknown'}</span>
        <span className="strategy-node__title">{title}</span>
        {diff && <span className={`diff-badge diff-badge--${diff}`}>{diff}</span>}
      </header>
      {definition ? (
        <>
          <Params definition={definition} values={data.params} diagnostics={diagnostics} />
          {values.length > 0 && <Values values={values} />}
          <div className="strategy-node__ports">
            <div className="strategy-node__inputs">
              {Object.entries(definition.inputs).map(([port, type]) => (
                <Port
                  key={port}
                  port={port}
                  type={type}
                  side="input"
                  optional={definition.optionalInputs?.includes(port) ?? false}
                />
              ))}
            </div>
            <div className="strategy-node__outputs">
              {Object.entries(definition.outputs).map(([port, type]) => (
                <Port key={port} port={port} type={type} side="output" optional={false} />
              ))}
            </div>
          </div>
        </>
      ) : (
        <p className="strategy-node__unknown">Unknown block kind “{data.kind}”.</p>
      )}
      {diagnostics.length > 0 && (
        <ul className="strategy-node__diagnostics" data-testid="node-diagnostics" role="alert">
          {diagnostics.map((diagnostic, n) => (
            <li key={n} className={`diagnostic diagnostic--${diagnostic.severity}`}>
              {diagnostic.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
})

function Params({
  definition,
  values,
  diagnostics,
}: {
  definition: NodeDefinition
  values: FlowNode['data']['params']
  diagnostics: readonly Diagnostic[]
}) {
  const entries = visibleParams(definition, values).slice(0, KEY_PARAMS)
  if (entries.length === 0) return null
  return (
    <dl className="strategy-node__params">
      {entries.map(([name, spec]) => {
        const bad = diagnostics.some((d) => d.param === name && d.severity === 'error')
        return (
          <div
            key={name}
            className={`strategy-node__param${bad ? ' is-invalid' : ''}`}
            data-param={name}
          >
            <dt>{spec.label}</dt>
            <dd>{formatParam(spec, values[name])}</dd>
          </div>
        )
      })}
    </dl>
  )
}

function Values({ values }: { values: readonly NodeValue[] }) {
  return (
    <dl className="strategy-node__values" data-testid="node-value">
      {values.map((value) => (
        <div
          key={value.port}
          className={`strategy-node__value value--${value.type === 'condition' ? value.text : 'number'}`}
        >
          <dt>{values.length > 1 ? humanizeName(value.port) : 'On this bar'}</dt>
          <dd data-port={value.port}>{value.text}</dd>
        </div>
      ))}
    </dl>
  )
}

function Port({
  port,
  type,
  side,
  optional,
}: {
  port: string
  type: PortType
  side: 'input' | 'output'
  optional: boolean
}) {
  const label = humanizeName(port)
  const hint = `${label}: ${type}${optional ? ' (optional)' : ''}`
  return (
    <div
      className={`port port--${side} port--${type}${optional ? ' port--optional' : ''}`}
      data-port={port}
      title={hint}
    >
      <Handle
        type={side === 'input' ? 'target' : 'source'}
        position={side === 'input' ? Position.Left : Position.Right}
        id={port}
        className={`handle handle--${type}`}
        aria-label={`${side} ${hint}`}
      />
      <span className="port__name">{label}</span>
    </div>
  )
}
