//+------------------------------------------------------------------+
//| Tradeloom/Indicators/MovingAverage.mqh                           |
//| A moving average whose method is chosen when it is set up        |
//| (MT5's ENUM_MA_METHOD). Mirrors runtime/src/indicators/moving-   |
//| average.ts, which only dispatches: each method keeps its own     |
//| operation order in Sma.mqh, Ema.mqh, Smma.mqh and Lwma.mqh.      |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_MOVINGAVERAGE_MQH
#define TRADELOOM_INDICATORS_MOVINGAVERAGE_MQH

#include <Tradeloom\Indicators\Sma.mqh>
#include <Tradeloom\Indicators\Ema.mqh>
#include <Tradeloom\Indicators\Smma.mqh>
#include <Tradeloom\Indicators\Lwma.mqh>

struct TlMovingAverage
  {
   ENUM_MA_METHOD    method;
   // Only the member of `method` is set up and used.
   TlSma             sma;
   TlEma             ema;
   TlSmma            smma;
   TlLwma            lwma;
  };

//--- prepares a moving average of `period` inputs with `method`
void TlMovingAverageInit(TlMovingAverage &s, const ENUM_MA_METHOD method, const int period)
  {
   s.method = method;
   if(method == MODE_EMA)
      TlEmaInit(s.ema, period);
   else if(method == MODE_SMMA)
      TlSmmaInit(s.smma, period);
   else if(method == MODE_LWMA)
      TlLwmaInit(s.lwma, period);
   else
      TlSmaInit(s.sma, period);
  }

//--- feeds one input and returns the average (TL_NO_VALUE while warming up)
double TlMovingAverageUpdate(TlMovingAverage &s, const double x)
  {
   if(s.method == MODE_EMA)
      return(TlEmaUpdate(s.ema, x));
   if(s.method == MODE_SMMA)
      return(TlSmmaUpdate(s.smma, x));
   if(s.method == MODE_LWMA)
      return(TlLwmaUpdate(s.lwma, x));
   return(TlSmaUpdate(s.sma, x));
  }

#endif
