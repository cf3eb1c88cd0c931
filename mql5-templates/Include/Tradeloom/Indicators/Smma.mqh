//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Smma.mqh                                    |
//| Smoothed moving average (Wilder's RMA) as MT5 computes it (iMA   |
//| MODE_SMMA), streaming. Mirrors runtime/src/indicators/smma.ts:   |
//|   M[b+n-1] = (p[b] + ... + p[b+n-1]) / n   SMA seed, oldest first|
//|   M[i]     = (M[i-1] * (n - 1) + p[i]) / n                       |
//| Recursive: the strategy's warm-up includes a burn-in.            |
//| A missing input (TL_NO_VALUE) is skipped: no state change, the   |
//| current value is returned. Leading ones are MT5's `begin`; a     |
//| later hole holds the last value.                                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_SMMA_MQH
#define TRADELOOM_INDICATORS_SMMA_MQH

#include <Tradeloom\Values.mqh>

struct TlSmma
  {
   int               period;
   double            nm1;        // period - 1, as the runtime keeps it
   int               count;      // inputs seen so far
   double            sum;        // sum of the first `period` inputs (the seed)
   double            value;      // current average, TL_NO_VALUE until `period` inputs
  };

//--- prepares an SMMA of `period` inputs
void TlSmmaInit(TlSmma &s, const int period)
  {
   s.period = period;
   s.nm1 = period - 1;
   s.count = 0;
   s.sum = 0.0;
   s.value = TL_NO_VALUE;
  }

//--- feeds one input and returns the average (TL_NO_VALUE while warming up)
double TlSmmaUpdate(TlSmma &s, const double x)
  {
   if(!TlIsValid(x))
      return(s.value);   // skipped: no state change (TL_NO_VALUE until the first value)
   const int n = s.period;
   if(s.count >= n)
      s.value = (s.value * s.nm1 + x) / n;
   else
     {
      s.sum += x;
      if(s.count == n - 1)
         s.value = s.sum / n;
     }
   s.count++;
   return(s.value);
  }

#endif
