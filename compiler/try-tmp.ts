import { loadMql5Library } from './test/mql5-parity/load-mql5-library'
const lib = await loadMql5Library(['Include/Tradeloom/Indicators/Stochastic.mqh', 'Include/Tradeloom/Indicators/Envelopes.mqh'])
console.log(lib.js)
