import type { Diagnostic } from '../diagnostics'
import * as d from '../diagnostics'
import type { NodeInstance } from '../graph/schema'
import type { NodeDefinition } from '../nodes/define-node'

/** Checks one node's settings against its definition's specs. Missing values take defaults. */
export function validateParams(node: NodeInstance, definition: NodeDefinition): Diagnostic[] {
  const diagnostics: Diagnostic[] = []
  const known = Object.keys(definition.params)
  for (const name of Object.keys(node.params)) {
    if (!Object.hasOwn(definition.params, name))
      diagnostics.push(d.unknownParam(node.id, name, known))
  }
  for (const [name, spec] of Object.entries(definition.params)) {
    const value = Object.hasOwn(node.params, name) ? node.params[name] : spec.default
    if (spec.type === 'enum') {
      if (typeof value !== 'string' || !spec.options.some((o) => o.value === value)) {
        const options = spec.options.map((o) => o.value).join(', ')
        diagnostics.push(
          d.paramInvalid(node.id, name, `must be one of ${options}; got ${JSON.stringify(value)}`),
        )
      }
      continue
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      diagnostics.push(
        d.paramInvalid(node.id, name, `must be a number; got ${JSON.stringify(value)}`),
      )
    } else if (spec.type === 'int' && !Number.isInteger(value)) {
      diagnostics.push(d.paramInvalid(node.id, name, `must be a whole number; got ${value}`))
    } else if (value < spec.min || value > spec.max) {
      diagnostics.push(d.paramOutOfRange(node.id, name, value, spec.min, spec.max))
    }
  }
  return diagnostics
}

/** The node's settings with defaults filled in. Call only after validation passed. */
export function resolveParams(
  node: NodeInstance,
  definition: NodeDefinition,
): Record<string, number | string> {
  const values: Record<string, number | string> = {}
  for (const [name, spec] of Object.entries(definition.params)) {
    const value = Object.hasOwn(node.params, name) ? node.params[name] : spec.default
    values[name] = value as number | string
  }
  return values
}
