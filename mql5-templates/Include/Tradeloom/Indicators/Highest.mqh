//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Highest.mqh                                 |
//| Highest of the last `period` inputs (the current one included),  |
//| streaming. Mirrors createHighest in runtime/src/indicators/      |
//| donchian.ts. First value after `period` inputs.                  |
//| A missing input (TL_NO_VALUE) is skipped: no state change, the   |
//| current value is returned. Leading ones are MT5's `begin`; a     |
//| later hole holds the last value.                                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_HIGHEST_MQH
#define TRADELOOM_INDICATORS_HIGHEST_MQH

#include <Tradeloom\Values.mqh>
#include <Tradeloom\Indicators\RollingExtreme.mqh>

struct TlHighest
  {
   int               period;
   int               count;      // inputs seen so far
   TlRollingMax      r;
   double            value;      // TL_NO_VALUE until `period` inputs
  };

//--- prepares a highest-of-the-last-`period`-inputs
void TlHighestInit(TlHighest &s, const int period)
  {
   s.period = period;
   s.count = 0;
   TlRollingMaxInit(s.r, period);
   s.value = TL_NO_VALUE;
  }

//--- feeds one input and returns the highest of the window (TL_NO_VALUE while warming up)
double TlHighestUpdate(TlHighest &s, const double x)
  {
   if(!TlIsValid(x))
      return(s.value);   // skipped: no state change (TL_NO_VALUE until the first value)
   const double v = TlRollingMaxPush(s.r, x);
   const int c = s.count;
   s.count++;
   if(c >= s.period - 1)
      s.value = v;
   return(s.value);
  }

#endif
