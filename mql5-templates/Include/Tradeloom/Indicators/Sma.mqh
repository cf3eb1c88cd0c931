//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Sma.mqh                                     |
//| Simple moving average, streaming. Mirrors runtime/src/indicators |
//| /sma.ts operation for operation (MT5's running sum, see          |
//| mt5-semantics.md 1.2): the first value is the plain mean of the  |
//| first `period` inputs, then S = S + (x - x[period]) / period.    |
//| A missing input (TL_NO_VALUE) is skipped: no state change, the   |
//| current value is returned. Leading ones are MT5's `begin`; a     |
//| later hole holds the last value.                                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_SMA_MQH
#define TRADELOOM_INDICATORS_SMA_MQH

#include <Tradeloom\Values.mqh>

struct TlSma
  {
   int               period;
   double            window[];   // the last `period` inputs, as a ring
   int               count;      // inputs seen so far
   int               head;       // slot of the oldest input once the ring is full
   double            sum;        // running sum while filling the first window
   double            value;      // current average, TL_NO_VALUE until `period` inputs
  };

//--- prepares an SMA of `period` inputs
void TlSmaInit(TlSma &s, const int period)
  {
   s.period = period;
   ArrayResize(s.window, period);
   ArrayInitialize(s.window, 0.0);
   s.count = 0;
   s.head = 0;
   s.sum = 0.0;
   s.value = TL_NO_VALUE;
  }

//--- feeds one input and returns the average (TL_NO_VALUE while warming up)
double TlSmaUpdate(TlSma &s, const double x)
  {
   if(!TlIsValid(x))
      return(s.value);   // skipped: no state change (TL_NO_VALUE until the first value)
   if(s.count < s.period)
     {
      s.window[s.count] = x;
      s.count++;
      s.sum += x;
      if(s.count == s.period)
         s.value = s.sum / s.period;
      return(s.value);
     }
   const double oldest = s.window[s.head];
   s.window[s.head] = x;
   s.head = (s.head + 1) % s.period;
   s.value = s.value + (x - oldest) / s.period;
   return(s.value);
  }

#endif
