import { useId, useState } from 'react'
import type { Diagnostic, ParamSpec } from '@tradeloom/compiler'
import { useGraphStore } from '../canvas/useGraphStore'
import { validateParam } from './validate-param'

interface Props {
  nodeId: string
  name: string
  spec: ParamSpec
  value: number | string | boolean
  readOnly: boolean
  diagnostics: readonly Diagnostic[]
}

/**
 * One parameter: a select for options, a number field with min/max/step and unit otherwise.
 * A valid value goes to the graph at once (and so to the preview); an invalid one stays in the
 * field with a message under it and never reaches the graph.
 */
export function ParamField({ nodeId, name, spec, value, readOnly, diagnostics }: Props) {
  const id = useId()
  const setParam = useGraphStore((state) => state.setParam)
  const [draft, setDraft] = useState<string | null>(null)
  const check = draft === null ? null : validateParam(spec, draft)
  const problem =
    check && !check.ok ? check.message : diagnostics.find((d) => d.severity === 'error')?.message
  const hintId = `${id}-hint`

  function onChange(raw: string) {
    const result = validateParam(spec, raw)
    setDraft(result.ok ? null : raw)
    if (result.ok && result.value !== value) setParam(nodeId, name, result.value)
  }

  return (
    <div className={`field${problem ? ' field--invalid' : ''}`} data-testid={`param-${name}`}>
      <label htmlFor={id}>
        {spec.label}
        {spec.type !== 'enum' && spec.unit ? <span className="muted"> ({spec.unit})</span> : null}
      </label>
      {spec.type === 'enum' ? (
        <select
          id={id}
          value={String(value)}
          disabled={readOnly}
          onChange={(event) => onChange(event.target.value)}
        >
          {spec.options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          type="number"
          inputMode={spec.type === 'int' ? 'numeric' : 'decimal'}
          min={spec.min}
          max={spec.max}
          step={spec.step ?? 'any'}
          value={draft ?? String(value)}
          disabled={readOnly}
          aria-invalid={problem ? true : undefined}
          aria-describedby={hintId}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => setDraft(null)}
        />
      )}
      <p
        id={hintId}
        className={problem ? 'field__error' : 'field__hint'}
        role={problem ? 'alert' : undefined}
      >
        {problem ??
          (spec.type === 'enum'
            ? `Default: ${spec.options.find((o) => o.value === spec.default)?.label ?? spec.default}`
            : `${spec.min} – ${spec.max}${spec.unit ? ` ${spec.unit}` : ''}, default ${spec.default}`)}
      </p>
    </div>
  )
}
