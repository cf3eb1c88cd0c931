import type { ParamSpec } from '@tradeloom/compiler'

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
