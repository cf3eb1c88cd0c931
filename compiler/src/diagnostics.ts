/**
 * The catalog of diagnostics. Codes are stable strings: the canvas, the API and tests key on
 * them, so never rename one. Each has a fixture under `compiler/test/errors/<code>/`.
 */
export type Severity = 'error' | 'warning'

export interface Diagnostic {
  readonly code: string
  readonly severity: Severity
  readonly message: string
  readonly nodeId?: string
  readonly edgeId?: string
  readonly param?: string
  /** Path into the graph document, e.g. `['nodes', 2, 'params', 'period']`. */
  readonly path?: readonly (string | number)[]
}

export function invalidGraph(message: string, path: readonly (string | number)[]): Diagnostic {
  const where = path.length > 0 ? path.join('.') : 'graph'
  return { code: 'invalid-graph', severity: 'error', message: `${where}: ${message}`, path }
}

export function duplicateNodeId(nodeId: string, index: number): Diagnostic {
  return {
    code: 'duplicate-node-id',
    severity: 'error',
    message: `Two nodes share the id "${nodeId}"`,
    nodeId,
    path: ['nodes', index, 'id'],
  }
}

export function duplicateEdgeId(edgeId: string, index: number): Diagnostic {
  return {
    code: 'duplicate-edge-id',
    severity: 'error',
    message: `Two connections share the id "${edgeId}"`,
    edgeId,
    path: ['edges', index, 'id'],
  }
}

export function unknownNodeKind(nodeId: string, kind: string): Diagnostic {
  return {
    code: 'unknown-node-kind',
    severity: 'error',
    message: `Node "${nodeId}" has kind "${kind}", which this compiler does not know`,
    nodeId,
  }
}

export function edgeToMissingNode(
  edgeId: string,
  end: 'source' | 'target',
  nodeId: string,
): Diagnostic {
  return {
    code: 'edge-missing-node',
    severity: 'error',
    message: `Connection "${edgeId}" ${end === 'source' ? 'starts at' : 'ends at'} node "${nodeId}", which does not exist`,
    edgeId,
  }
}

export function edgeToMissingPort(
  edgeId: string,
  nodeId: string,
  port: string,
  known: readonly string[],
): Diagnostic {
  const list = known.length > 0 ? known.join(', ') : 'none'
  return {
    code: 'edge-missing-port',
    severity: 'error',
    message: `Connection "${edgeId}" uses port "${port}" on node "${nodeId}", which has no such port (ports: ${list})`,
    edgeId,
    nodeId,
  }
}

export function portTypeMismatch(
  edgeId: string,
  nodeId: string,
  from: string,
  to: string,
): Diagnostic {
  return {
    code: 'port-type-mismatch',
    severity: 'error',
    message: `Connection "${edgeId}" carries a ${from} into an input that expects a ${to}`,
    edgeId,
    nodeId,
  }
}

export function inputAlreadyConnected(edgeId: string, nodeId: string, port: string): Diagnostic {
  return {
    code: 'input-already-connected',
    severity: 'error',
    message: `Input "${port}" of node "${nodeId}" already has a connection; an input takes one`,
    edgeId,
    nodeId,
  }
}

export function missingRequiredInput(nodeId: string, label: string, port: string): Diagnostic {
  return {
    code: 'missing-required-input',
    severity: 'error',
    message: `${label} needs something connected to its "${port}" input`,
    nodeId,
  }
}

export function cycle(nodeIds: readonly string[]): Diagnostic {
  return {
    code: 'cycle',
    severity: 'error',
    message: `These nodes feed into each other in a loop: ${nodeIds.join(' → ')}`,
    nodeId: nodeIds[0],
  }
}

export function paramOutOfRange(
  nodeId: string,
  param: string,
  value: number,
  min: number,
  max: number,
): Diagnostic {
  return {
    code: 'param-out-of-range',
    severity: 'error',
    message: `${param} is ${value}; allowed range is ${min} to ${max}`,
    nodeId,
    param,
  }
}

export function paramInvalid(nodeId: string, param: string, problem: string): Diagnostic {
  return { code: 'param-invalid', severity: 'error', message: `${param} ${problem}`, nodeId, param }
}

export function unknownParam(nodeId: string, param: string, known: readonly string[]): Diagnostic {
  return {
    code: 'unknown-param',
    severity: 'error',
    message: `"${param}" is not a setting of this node (settings: ${known.join(', ') || 'none'})`,
    nodeId,
    param,
  }
}

export function noEntryAction(): Diagnostic {
  return {
    code: 'no-entry-action',
    severity: 'error',
    message: 'The strategy never opens a position: add an "Enter long" or "Enter short" block',
  }
}

export function exitWithoutEntry(nodeId: string, side: 'long' | 'short'): Diagnostic {
  return {
    code: 'exit-without-entry',
    severity: 'warning',
    message: `This exit closes ${side} positions, but nothing in the strategy opens one`,
    nodeId,
  }
}

export function unconnectedNode(nodeId: string, label: string): Diagnostic {
  return {
    code: 'unconnected-node',
    severity: 'warning',
    message: `${label} is not connected to anything and has no effect`,
    nodeId,
  }
}

export function sizingNeedsStopLoss(nodeId: string): Diagnostic {
  return {
    code: 'sizing-needs-stop-loss',
    severity: 'error',
    message:
      'Risk-based sizing needs a stop loss connected to the same entry: the risk is measured to the stop',
    nodeId,
  }
}

/** True when any diagnostic is an error (warnings do not stop compilation). */
export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error')
}
