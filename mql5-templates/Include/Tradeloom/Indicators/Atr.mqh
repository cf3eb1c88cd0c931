//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Atr.mqh                                     |
//| Average True Range as MT5 computes it (iATR, ATR.mq5), streaming.|
//| Mirrors runtime/src/indicators/atr.ts:                           |
//|   TR[i]  = max(high, prevClose) - min(low, prevClose), i >= 1    |
//|            (the first bar has no previous close and is skipped)  |
//|   ATR[n] = (TR[1] + ... + TR[n]) / n           oldest first      |
//|   ATR[i] = ATR[i-1] + (TR[i] - TR[i-n]) / n    running sum       |
//| A SIMPLE average of TR, not Wilder's RMA. First value after n + 1|
//| bars.                                                            |
//| A bar with its high, low or close missing (TL_NO_VALUE) is       |
//| skipped as a whole: no state change, the current value is        |
//| returned; the next TR uses the last complete bar's close.        |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_ATR_MQH
#define TRADELOOM_INDICATORS_ATR_MQH

#include <Tradeloom\Values.mqh>

struct TlAtr
  {
   int               period;
   int               count;      // bars seen so far
   double            prevClose;
   double            sum;        // sum of the first `period` true ranges
   int               pos;        // ring slot of the oldest true range once full
   double            trs[];      // the last `period` true ranges, as a ring
   double            value;      // current ATR, TL_NO_VALUE until period + 1 bars
  };

//--- prepares an ATR of `period` bars
void TlAtrInit(TlAtr &s, const int period)
  {
   s.period = period;
   s.count = 0;
   s.prevClose = 0.0;
   s.sum = 0.0;
   s.pos = 0;
   ArrayResize(s.trs, period);
   ArrayInitialize(s.trs, 0.0);
   s.value = TL_NO_VALUE;
  }

//--- feeds one closed bar and returns the ATR (TL_NO_VALUE while warming up)
double TlAtrUpdate(TlAtr &s, const double high, const double low, const double close)
  {
   if(!TlIsValid(high) || !TlIsValid(low) || !TlIsValid(close))
      return(s.value);   // skipped: no state change
   const int c = s.count;
   s.count++;
   const double pc = s.prevClose;
   s.prevClose = close;
   if(c == 0)
      return(TL_NO_VALUE);
   const double tr = MathMax(high, pc) - MathMin(low, pc);
   const int n = s.period;
   if(c > n)
     {
      const double oldest = s.trs[s.pos];
      s.trs[s.pos] = tr;
      s.pos++;
      if(s.pos == n)
         s.pos = 0;
      s.value = s.value + (tr - oldest) / n;
     }
   else
     {
      s.trs[c - 1] = tr;
      s.sum += tr;
      if(c == n)
         s.value = s.sum / n;
     }
   return(s.value);
  }

#endif
