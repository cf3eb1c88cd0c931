import { useStrategySession } from '../versions/useStrategySession'

/** Shown instead of the canvas when the strategy in the URL could not be opened. */
export function OpenError({ message }: { message: string }) {
  const open = useStrategySession((state) => state.open)
  const startFresh = useStrategySession((state) => state.startFresh)
  return (
    <div className="panel open-error" role="alert" data-testid="open-error">
      <div className="error-box">
        <p>Could not open the strategy: {message}</p>
        <div className="open-error__actions">
          <button type="button" className="button button--primary" onClick={() => void open()}>
            Retry
          </button>
          <button type="button" className="button" onClick={() => startFresh()}>
            Start a new strategy from the template
          </button>
        </div>
      </div>
    </div>
  )
}
