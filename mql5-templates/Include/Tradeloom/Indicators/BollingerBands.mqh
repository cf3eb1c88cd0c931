//+------------------------------------------------------------------+
//| Tradeloom/Indicators/BollingerBands.mqh                          |
//| Bollinger Bands as MT5 computes them (iBands, BB.mq5), streaming.|
//| Mirrors runtime/src/indicators/bollinger-bands.ts:               |
//|   middle = (0.0 + p[i] + ... + p[i-n+1]) / n   re-summed, newest |
//|            first                                                 |
//|   sigma  = sqrt((0.0 + (p[i] - middle)^2 + ...) / n)  population |
//|            sigma, forced to 0 on the first full window (MT5)     |
//|   upper  = middle + deviation * sigma; lower = middle - ...      |
//| Values from n inputs (bands equal the middle there); fully valid |
//| from n + 1 inputs.                                               |
//| A missing input (TL_NO_VALUE) is skipped: no state change, the   |
//| current value is returned. Leading ones are MT5's `begin`; a     |
//| later hole holds the last value.                                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_BOLLINGERBANDS_MQH
#define TRADELOOM_INDICATORS_BOLLINGERBANDS_MQH

#include <Tradeloom\Values.mqh>
#include <Tradeloom\Indicators\WindowSums.mqh>

struct TlBollingerBands
  {
   int               period;
   double            deviation;  // band width in standard deviations
   TlWindow          w;          // the last `period` inputs
   double            middle;
   double            upper;
   double            lower;
  };

//--- prepares Bollinger Bands of `period` inputs, `deviation` sigmas wide
void TlBollingerBandsInit(TlBollingerBands &s, const int period, const double deviation)
  {
   s.period = period;
   s.deviation = deviation;
   TlWindowInit(s.w, period);
   s.middle = TL_NO_VALUE;
   s.upper = TL_NO_VALUE;
   s.lower = TL_NO_VALUE;
  }

//--- feeds one input and returns the middle line; read s.upper and s.lower after it
double TlBollingerBandsUpdate(TlBollingerBands &s, const double x)
  {
   if(!TlIsValid(x))
      return(s.middle);   // skipped: no state change (TL_NO_VALUE until the first value)
   TlWindowPush(s.w, x);
   const int n = s.period;
   if(s.w.count < n)
      return(TL_NO_VALUE);
   const double mid = TlSumNewestFirst(s.w.buf, s.w.end, n) / n;
   const double sigma = s.w.count > n ? MathSqrt(TlSumSquaredDeviation(s.w.buf, s.w.end, n, mid) / n) : 0.0;
   s.middle = mid;
   s.upper = mid + s.deviation * sigma;
   s.lower = mid - s.deviation * sigma;
   return(mid);
  }

#endif
