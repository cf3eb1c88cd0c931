//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Lwma.mqh                                    |
//| Linear weighted moving average as MT5 computes it (iMA           |
//| MODE_LWMA: newest weight n, oldest 1), streaming, with running   |
//| sums. Mirrors runtime/src/indicators/lwma.ts:                    |
//|   W = n * (n + 1) / 2                                            |
//|   first n inputs, oldest first: sum += p * k; lsum += p          |
//|   then: sum = (sum - lsum) + p[i] * n; lsum = (lsum - p[i-n]) +  |
//|   p[i]; L = sum / W                                              |
//| A missing input (TL_NO_VALUE) is skipped: no state change, the   |
//| current value is returned. Leading ones are MT5's `begin`; a     |
//| later hole holds the last value.                                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_LWMA_MQH
#define TRADELOOM_INDICATORS_LWMA_MQH

#include <Tradeloom\Values.mqh>

struct TlLwma
  {
   int               period;
   double            weight;     // 1 + 2 + ... + period
   double            window[];   // the last `period` inputs, as a ring
   int               count;      // inputs seen so far
   int               pos;        // slot of the oldest input once the ring is full
   double            sum;        // weighted sum of the window
   double            lsum;       // plain sum of the window
   double            value;      // current average, TL_NO_VALUE until `period` inputs
  };

//--- prepares an LWMA of `period` inputs
void TlLwmaInit(TlLwma &s, const int period)
  {
   s.period = period;
   s.weight = (period * (period + 1)) / 2;   // even product: the integer division is exact
   ArrayResize(s.window, period);
   ArrayInitialize(s.window, 0.0);
   s.count = 0;
   s.pos = 0;
   s.sum = 0.0;
   s.lsum = 0.0;
   s.value = TL_NO_VALUE;
  }

//--- feeds one input and returns the average (TL_NO_VALUE while warming up)
double TlLwmaUpdate(TlLwma &s, const double x)
  {
   if(!TlIsValid(x))
      return(s.value);   // skipped: no state change (TL_NO_VALUE until the first value)
   const int n = s.period;
   if(s.count >= n)
     {
      const double oldest = s.window[s.pos];
      s.window[s.pos] = x;
      s.pos++;
      if(s.pos == n)
         s.pos = 0;
      s.sum = s.sum - s.lsum + x * n;
      s.lsum = s.lsum - oldest + x;
      s.value = s.sum / s.weight;
     }
   else
     {
      s.window[s.count] = x;
      s.sum += x * (s.count + 1);
      s.lsum += x;
      if(s.count == n - 1)
         s.value = s.sum / s.weight;
     }
   s.count++;
   return(s.value);
  }

#endif
