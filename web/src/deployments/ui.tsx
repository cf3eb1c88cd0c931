import { useEffect, useId, useRef } from 'react'
import type { ReactNode } from 'react'
import type { DeploymentStatus } from '../api/deployments'
import { statusLabel, statusTone } from './format'
import './deployments.css'
import type { Tone } from './format'

/**
 * A modal `<dialog>` (role dialog, focus trapped by the browser, Escape closes). `onClose` runs
 * for Escape and the close button; the caller unmounts it.
 */
export function Modal({
  title,
  onClose,
  children,
  className = '',
  testId,
}: {
  title: string
  onClose(): void
  children: ReactNode
  className?: string
  testId?: string
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])
  return (
    <dialog
      ref={dialog}
      className={`modal ${className}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <header className="modal__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="button button--ghost" onClick={onClose}>
          Close
        </button>
      </header>
      {children}
    </dialog>
  )
}

/** A status pill, coloured by how healthy the status is. */
export function StatusBadge({ status }: { status: DeploymentStatus }) {
  return (
    <span className={`pill status-badge tone-${statusTone(status)}`} data-status={status}>
      {statusLabel(status)}
    </span>
  )
}

/** A coloured pill with any text. */
export function Pill({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`pill tone-${tone}`}>{children}</span>
}

/** The server's message for a failed call, announced to screen readers. */
export function ErrorBox({ message, children }: { message: string; children?: ReactNode }) {
  return (
    <div className="error-box" role="alert">
      <p>{message}</p>
      {children}
    </div>
  )
}

/** A loading line. */
export function Loading({ what }: { what: string }) {
  return (
    <p className="muted page-status" role="status">
      Loading {what}…
    </p>
  )
}
