//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Envelopes.mqh                               |
//| Envelopes as MT5 computes them (iEnvelopes, Envelopes.mq5),      |
//| streaming. Mirrors runtime/src/indicators/envelopes.ts:          |
//|   ma    = moving average of `method` (MovingAverage.mqh)         |
//|   upper = (1 + deviation / 100.0) * ma                           |
//|   lower = (1 - deviation / 100.0) * ma    deviation in percent   |
//| Like MT5's example the bands start after n + 1 inputs, whatever  |
//| the method.                                                      |
//| A missing input (TL_NO_VALUE) is skipped: no state change, the   |
//| current value is returned. Leading ones are MT5's `begin`; a     |
//| later hole holds the last value.                                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_ENVELOPES_MQH
#define TRADELOOM_INDICATORS_ENVELOPES_MQH

#include <Tradeloom\Values.mqh>
#include <Tradeloom\Indicators\MovingAverage.mqh>

struct TlEnvelopes
  {
   int               period;
   double            up;         // 1 + deviation / 100
   double            down;       // 1 - deviation / 100
   int               count;      // inputs seen so far
   TlMovingAverage   avg;
   double            upper;      // TL_NO_VALUE until period + 1 inputs
   double            lower;
   double            ma;         // the average itself, from its own first value
  };

//--- prepares envelopes `deviation` percent around a `method` average of `period` inputs
void TlEnvelopesInit(TlEnvelopes &s, const int period, const double deviation, const ENUM_MA_METHOD method)
  {
   s.period = period;
   s.up = 1 + deviation / 100.0;
   s.down = 1 - deviation / 100.0;
   s.count = 0;
   TlMovingAverageInit(s.avg, method, period);
   s.upper = TL_NO_VALUE;
   s.lower = TL_NO_VALUE;
   s.ma = TL_NO_VALUE;
  }

//--- feeds one input and returns the upper band; read s.lower after it
double TlEnvelopesUpdate(TlEnvelopes &s, const double x)
  {
   if(!TlIsValid(x))
      return(s.upper);   // skipped: no state change (TL_NO_VALUE until the first value)
   const double m = TlMovingAverageUpdate(s.avg, x);
   s.ma = m;
   const int c = s.count;
   s.count++;
   if(c >= s.period)
     {
      s.upper = s.up * m;
      s.lower = s.down * m;
     }
   return(s.upper);
  }

#endif
