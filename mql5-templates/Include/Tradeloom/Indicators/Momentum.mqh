//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Momentum.mqh                                |
//| Momentum as MT5 computes it (iMomentum, Momentum.mq5), streaming.|
//| Mirrors runtime/src/indicators/momentum.ts:                      |
//|   MOM[i] = p[i] * 100 / p[i-n]                                   |
//| A RATIO around 100, not the difference p[i] - p[i-n] of          |
//| TradingView. First value after n + 1 inputs.                     |
//| A missing input (TL_NO_VALUE) is skipped: no state change, the   |
//| current value is returned. Leading ones are MT5's `begin`; a     |
//| later hole holds the last value.                                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_MOMENTUM_MQH
#define TRADELOOM_INDICATORS_MOMENTUM_MQH

#include <Tradeloom\Values.mqh>

struct TlMomentum
  {
   int               period;
   int               count;      // inputs seen so far
   int               pos;        // ring slot holding p[i-n]
   double            window[];   // the last `period` inputs, as a ring
   double            value;      // current momentum, TL_NO_VALUE until period + 1 inputs
  };

//--- prepares a momentum over `period` inputs
void TlMomentumInit(TlMomentum &s, const int period)
  {
   s.period = period;
   s.count = 0;
   s.pos = 0;
   ArrayResize(s.window, period);
   ArrayInitialize(s.window, 0.0);
   s.value = TL_NO_VALUE;
  }

//--- feeds one input and returns the momentum (TL_NO_VALUE while warming up)
double TlMomentumUpdate(TlMomentum &s, const double x)
  {
   if(!TlIsValid(x))
      return(s.value);   // skipped: no state change (TL_NO_VALUE until the first value)
   // The slot about to be overwritten holds p[i-n].
   const double oldest = s.window[s.pos];
   s.window[s.pos] = x;
   s.pos++;
   if(s.pos == s.period)
      s.pos = 0;
   const int c = s.count;
   s.count++;
   if(c >= s.period)
      s.value = x * 100 / oldest;
   return(s.value);
  }

#endif
