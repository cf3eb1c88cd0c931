//+------------------------------------------------------------------+
//| Tradeloom/Indicators/WilliamsR.mqh                               |
//| Williams' Percent Range as MT5 computes it (iWPR, WPR.mq5),      |
//| streaming. Mirrors runtime/src/indicators/williams-r.ts:         |
//|   HH, LL = highest high / lowest low of the last n bars          |
//|   WPR = HH != LL ? -(HH - close) * 100 / (HH - LL)               |
//|                  : previous WPR (0 before the first one, as MT5) |
//| Range -100..0. First value after n bars.                         |
//| A bar with its high, low or close missing (TL_NO_VALUE) is       |
//| skipped as a whole: no state change, the current value is        |
//| returned.                                                        |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_WILLIAMSR_MQH
#define TRADELOOM_INDICATORS_WILLIAMSR_MQH

#include <Tradeloom\Values.mqh>
#include <Tradeloom\Indicators\RollingExtreme.mqh>

struct TlWilliamsR
  {
   int               period;
   int               count;      // bars seen so far
   double            prev;       // previous %R, 0 before the first
   TlRollingMax      hh;
   TlRollingMin      ll;
   double            value;      // current %R, TL_NO_VALUE until `period` bars
  };

//--- prepares a Williams %R of `period` bars
void TlWilliamsRInit(TlWilliamsR &s, const int period)
  {
   s.period = period;
   s.count = 0;
   s.prev = 0.0;
   TlRollingMaxInit(s.hh, period);
   TlRollingMinInit(s.ll, period);
   s.value = TL_NO_VALUE;
  }

//--- feeds one closed bar and returns %R in [-100, 0] (TL_NO_VALUE while warming up)
double TlWilliamsRUpdate(TlWilliamsR &s, const double high, const double low, const double close)
  {
   if(!TlIsValid(high) || !TlIsValid(low) || !TlIsValid(close))
      return(s.value);   // skipped: no state change
   const double hh = TlRollingMaxPush(s.hh, high);
   const double ll = TlRollingMinPush(s.ll, low);
   const int c = s.count;
   s.count++;
   if(c < s.period - 1)
      return(TL_NO_VALUE);
   const double v = (hh != ll) ? -(hh - close) * 100 / (hh - ll) : s.prev;
   s.prev = v;
   s.value = v;
   return(v);
  }

#endif
