import { memo } from 'react'
import { Handle, Position } from '@xyflow/react'
import type { NodeProps } from '@xyflow/react'
import { nodeDefinitions } from '@tradeloom/compiler'
import type { NodeDefinition } from '@tradeloom/compiler'
import type { FlowNode } from './graph-adapter'
import { useNodeDiagnostics } from './diagnostics-context'
import { formatParam } from './format-param'

type PortType = NodeDefinition['inputs'][string]

/**
 * The one component that renders every node kind, from its definition in the compiler's
 * registry: title, key parameters, and a typed handle per port. Adding a kind needs no change here.
 */
export const StrategyNode = memo(function StrategyNode({
  id,
  data,
  selected,
}: NodeProps<FlowNode>) {
  const definition = (nodeDefinitions as Readonly<Record<string, NodeDefinition>>)[data.kind]
  const diagnostics = useNodeDiagnostics(id)
  const errors = diagnostics.filter((diagnostic) => diagnostic.severity === 'error')
  const status = errors.length > 0 ? 'error' : diagnostics.length > 0 ? 'warning' : 'ok'
  const title = data.label ?? definition?.label ?? data.kind

  return (
    <div
      className={`strategy-node strategy-node--${definition?.category ?? 'unknown'} is-${status}${selected ? ' is-selected' : ''}`}
      data-testid="strategy-node"
      data-kind={data.kind}
      data-status={status}
      title={definition?.description}
    >
      <header className="strategy-node__header">
        <span className="strategy-node__category">{definition?.category ?? 'unknown'}</span>
        <span className="strategy-node__title">{title}</span>
      </header>
      {definition ? (
        <>
          <Params definition={definition} values={data.params} />
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
}: {
  definition: NodeDefinition
  values: FlowNode['data']['params']
}) {
  const entries = Object.entries(definition.params)
  if (entries.length === 0) return null
  return (
    <dl className="strategy-node__params">
      {entries.map(([name, spec]) => (
        <div key={name} className="strategy-node__param">
          <dt>{spec.label}</dt>
          <dd>{formatParam(spec, values[name])}</dd>
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
  const hint = `${port}: ${type}${optional ? ' (optional)' : ''}`
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
      <span className="port__name">{port}</span>
    </div>
  )
}
