//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Cci.mqh                                     |
//| Commodity Channel Index as MT5 computes it (iCCI, CCI.mq5),      |
//| streaming over an applied price. Mirrors runtime/src/indicators/ |
//| cci.ts:                                                          |
//|   sma = (0.0 + p[i] + ... + p[i-n+1]) / n            newest first|
//|   d   = (0.0 + |p[i] - sma| + ...) * (0.015 / n)                 |
//|   CCI = d != 0 ? (p[i] - sma) / d : 0                            |
//| First value after n inputs.                                      |
//| A missing input (TL_NO_VALUE) is skipped: no state change, the   |
//| current value is returned. Leading ones are MT5's `begin`; a     |
//| later hole holds the last value.                                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_CCI_MQH
#define TRADELOOM_INDICATORS_CCI_MQH

#include <Tradeloom\Values.mqh>
#include <Tradeloom\Indicators\WindowSums.mqh>

struct TlCci
  {
   int               period;
   double            mult;       // 0.015 / period
   TlWindow          w;          // the last `period` inputs
   double            value;      // current CCI, TL_NO_VALUE until `period` inputs
  };

//--- prepares a CCI of `period` inputs
void TlCciInit(TlCci &s, const int period)
  {
   s.period = period;
   s.mult = 0.015 / period;
   TlWindowInit(s.w, period);
   s.value = TL_NO_VALUE;
  }

//--- feeds one input and returns the CCI (TL_NO_VALUE while warming up)
double TlCciUpdate(TlCci &s, const double x)
  {
   if(!TlIsValid(x))
      return(s.value);   // skipped: no state change (TL_NO_VALUE until the first value)
   TlWindowPush(s.w, x);
   const int n = s.period;
   if(s.w.count < n)
      return(TL_NO_VALUE);
   const double sp = TlSumNewestFirst(s.w.buf, s.w.end, n) / n;
   const double d = TlSumAbsDeviation(s.w.buf, s.w.end, n, sp) * s.mult;
   s.value = (d != 0.0) ? (x - sp) / d : 0.0;
   return(s.value);
  }

#endif
