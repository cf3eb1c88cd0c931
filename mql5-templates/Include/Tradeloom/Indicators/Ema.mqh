//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Ema.mqh                                     |
//| Exponential moving average as MT5 computes it (iMA MODE_EMA),    |
//| streaming. Mirrors runtime/src/indicators/ema.ts:                |
//|   a = 2.0 / (1.0 + n)                                            |
//|   E[b] = p[b]                  seeded with the FIRST input       |
//|   E[i] = p[i] * a + E[i-1] * (1.0 - a)                           |
//| Valid from the first input, but recursive: the seed fades only   |
//| after a burn-in, which the strategy's warm-up includes.          |
//| A missing input (TL_NO_VALUE) is skipped: no state change, the   |
//| current value is returned. Leading ones are MT5's `begin`; a     |
//| later hole holds the last value.                                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_EMA_MQH
#define TRADELOOM_INDICATORS_EMA_MQH

#include <Tradeloom\Values.mqh>

struct TlEma
  {
   double            a;          // weight of the newest input
   double            b;          // weight of the previous average, 1 - a
   int               count;      // inputs seen so far
   double            value;      // current average, TL_NO_VALUE before the first input
  };

//--- prepares an EMA of `period` inputs
void TlEmaInit(TlEma &s, const int period)
  {
   s.a = 2.0 / (1.0 + period);
   s.b = 1.0 - s.a;
   s.count = 0;
   s.value = TL_NO_VALUE;
  }

//--- feeds one input and returns the average (TL_NO_VALUE until the first valid input)
double TlEmaUpdate(TlEma &s, const double x)
  {
   if(!TlIsValid(x))
      return(s.value);   // skipped: no state change (TL_NO_VALUE until the first value)
   if(s.count == 0)
      s.value = x;
   else
      s.value = x * s.a + s.value * s.b;
   s.count++;
   return(s.value);
  }

#endif
