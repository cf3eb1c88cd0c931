//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Donchian.mqh                                |
//| Donchian channel, streaming: the highest high and lowest low of  |
//| the last `period` bars (the current one included) and their      |
//| midpoint. Mirrors createDonchian in runtime/src/indicators/      |
//| donchian.ts:                                                     |
//|   upper = max(high), lower = min(low), middle = (upper+lower)/2.0|
//| First value after `period` bars. MT5's Price Channel draws the   |
//| same window one bar to the right: for a breakout, compare the    |
//| close with the PREVIOUS bar's upper line.                        |
//| A bar with its high or low missing (TL_NO_VALUE) is skipped as a |
//| whole: no state change, the current value is returned.           |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_DONCHIAN_MQH
#define TRADELOOM_INDICATORS_DONCHIAN_MQH

#include <Tradeloom\Values.mqh>
#include <Tradeloom\Indicators\RollingExtreme.mqh>

struct TlDonchian
  {
   int               period;
   int               count;      // bars seen so far
   TlRollingMax      hh;
   TlRollingMin      ll;
   double            upper;      // outputs, TL_NO_VALUE until `period` bars
   double            lower;
   double            middle;
  };

//--- prepares a Donchian channel of `period` bars
void TlDonchianInit(TlDonchian &s, const int period)
  {
   s.period = period;
   s.count = 0;
   TlRollingMaxInit(s.hh, period);
   TlRollingMinInit(s.ll, period);
   s.upper = TL_NO_VALUE;
   s.lower = TL_NO_VALUE;
   s.middle = TL_NO_VALUE;
  }

//--- feeds one closed bar and returns the middle line; read s.upper and s.lower after it
double TlDonchianUpdate(TlDonchian &s, const double high, const double low)
  {
   if(!TlIsValid(high) || !TlIsValid(low))
      return(s.middle);   // skipped: no state change
   const double u = TlRollingMaxPush(s.hh, high);
   const double l = TlRollingMinPush(s.ll, low);
   const int c = s.count;
   s.count++;
   if(c >= s.period - 1)
     {
      s.upper = u;
      s.lower = l;
      s.middle = (u + l) / 2.0;
     }
   return(s.middle);
  }

#endif
