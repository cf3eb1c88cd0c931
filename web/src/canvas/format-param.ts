import type { NodeDefinition, ParamSpec } from '@tradeloom/compiler'

/**
 * A parameter's value as a node body shows it: the option's label for enums, the number with its
 * unit otherwise. A missing value shows the default, because that is what the compiler uses.
 */
export function formatParam(spec: ParamSpec, value: unknown): string {
  const effective = value ?? spec.default
  if (spec.type === 'enum') {
    return spec.options.find((option) => option.value === effective)?.label ?? String(effective)
  }
  return spec.unit ? `${String(effective)} ${spec.unit}` : String(effective)
}

/**
 * The params that matter with the current values: a param with `onlyWhen` is hidden unless the
 * enum it depends on has one of the listed values (an ATR period only counts in ATR mode).
 */
export function visibleParams(
  definition: NodeDefinition,
  values: Readonly<Record<string, unknown>>,
): [string, ParamSpec][] {
  return Object.entries(definition.params).filter(([, spec]) => {
    if (spec.type === 'enum' || !spec.onlyWhen) return true
    const other = definition.params[spec.onlyWhen.param]
    const current = values[spec.onlyWhen.param] ?? other?.default
    return spec.onlyWhen.equals.includes(String(current))
  })
}
