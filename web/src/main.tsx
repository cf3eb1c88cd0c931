import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import '@xyflow/react/dist/style.css'
import './app/app.css'
import { App } from './app/App'
import { PanelBoundary } from './app/PanelBoundary'

const root = document.getElementById('root')
if (!root) throw new Error('index.html must contain <div id="root">')

createRoot(root).render(
  <StrictMode>
    <PanelBoundary name="application">
      <App />
    </PanelBoundary>
  </StrictMode>,
)
