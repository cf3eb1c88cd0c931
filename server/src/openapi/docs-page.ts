/**
 * A self-contained page (no CDN, no build) that reads /api/openapi.json and lists every operation
 * with its parameters, body and responses. Enough to explore the API from a browser.
 */
export const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tradeloom API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1d2430 }
h1 { margin-bottom: 0 } h2 { margin-top: 2rem; border-bottom: 1px solid #d8dee8; text-transform: capitalize }
details { border: 1px solid #d8dee8; border-radius: 6px; margin: .4rem 0; padding: .3rem .7rem }
summary { cursor: pointer } code, pre { font: 13px/1.4 ui-monospace, monospace }
pre { background: #f4f6f9; padding: .6rem; overflow: auto; border-radius: 4px }
.m { display: inline-block; width: 4.2rem; font-weight: 700; text-transform: uppercase }
.get { color: #1f6feb } .post { color: #1a7f37 } .patch { color: #9a6700 } .delete { color: #cf222e }
</style></head>
<body><h1>Tradeloom API</h1><p id="intro">Loading <a href="/api/openapi.json">/api/openapi.json</a>…</p><main id="ops"></main>
<script>
const el = (tag, attrs, ...kids) => { const e = document.createElement(tag); Object.assign(e, attrs); e.append(...kids); return e }
const json = (v) => el('pre', {}, JSON.stringify(v, null, 2))
fetch('/api/openapi.json').then((r) => r.json()).then((doc) => {
  document.getElementById('intro').textContent = doc.info.description
  const byTag = {}
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops)) (byTag[op.tags[0]] ??= []).push({ path, method, op })
  const main = document.getElementById('ops')
  for (const [tag, ops] of Object.entries(byTag)) {
    main.append(el('h2', {}, tag))
    for (const { path, method, op } of ops) {
      const d = el('details', {}, el('summary', {}, el('span', { className: 'm ' + method }, method), el('code', {}, path), ' – ' + op.summary))
      if (op.parameters.length) d.append(el('h4', {}, 'Parameters'), json(op.parameters))
      if (op.requestBody) d.append(el('h4', {}, 'Body'), json(op.requestBody.content))
      d.append(el('h4', {}, 'Responses'), json(op.responses))
      main.append(d)
    }
  }
}).catch((e) => { document.getElementById('intro').textContent = 'Could not load the document: ' + e })
</script></body></html>`
