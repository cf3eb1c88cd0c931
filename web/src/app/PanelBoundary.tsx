import { Component } from 'react'
import type { ErrorInfo, ReactNode } from 'react'

interface Props {
  /** Names what failed in the message, e.g. "preview". */
  name: string
  children: ReactNode
}

/** Keeps one failing panel from blanking the whole page; shows what broke and offers a retry. */
export class PanelBoundary extends Component<Props, { error: Error | null }> {
  override state: { error: Error | null } = { error: null }

  static getDerivedStateFromError(error: Error) {
    return { error }
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error(`${this.props.name} failed`, error, info.componentStack)
  }

  override render() {
    if (!this.state.error) return this.props.children
    return (
      <div className="panel error-box" role="alert">
        <p>
          Something went wrong in the {this.props.name}: {this.state.error.message}
        </p>
        <button
          type="button"
          className="button button--ghost"
          onClick={() => this.setState({ error: null })}
        >
          Try again
        </button>
      </div>
    )
  }
}
