//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Lowest.mqh                                  |
//| Lowest of the last `period` inputs (the current one included),   |
//| streaming. Mirrors createLowest in runtime/src/indicators/       |
//| donchian.ts. First value after `period` inputs.                  |
//| A missing input (TL_NO_VALUE) is skipped: no state change, the   |
//| current value is returned. Leading ones are MT5's `begin`; a     |
//| later hole holds the last value.                                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_LOWEST_MQH
#define TRADELOOM_INDICATORS_LOWEST_MQH

#include <Tradeloom\Values.mqh>
#include <Tradeloom\Indicators\RollingExtreme.mqh>

struct TlLowest
  {
   int               period;
   int               count;      // inputs seen so far
   TlRollingMin      r;
   double            value;      // TL_NO_VALUE until `period` inputs
  };

//--- prepares a lowest-of-the-last-`period`-inputs
void TlLowestInit(TlLowest &s, const int period)
  {
   s.period = period;
   s.count = 0;
   TlRollingMinInit(s.r, period);
   s.value = TL_NO_VALUE;
  }

//--- feeds one input and returns the lowest of the window (TL_NO_VALUE while warming up)
double TlLowestUpdate(TlLowest &s, const double x)
  {
   if(!TlIsValid(x))
      return(s.value);   // skipped: no state change (TL_NO_VALUE until the first value)
   const double v = TlRollingMinPush(s.r, x);
   const int c = s.count;
   s.count++;
   if(c >= s.period - 1)
      s.value = v;
   return(s.value);
  }

#endif
