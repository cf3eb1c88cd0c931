//+------------------------------------------------------------------+
//| Tradeloom/Indicators/StdDev.mqh                                  |
//| Standard deviation as MT5 computes it (iStdDev, StdDev.mq5),     |
//| streaming. Mirrors runtime/src/indicators/std-dev.ts:            |
//|   ma on the first full window = (0.0 + p[i] + ...) / n           |
//|   then  SMA:  re-summed, newest first                            |
//|         EMA:  p[i] * a + ma * (1 - a), a = 2.0 / (n + 1.0)       |
//|               (its own SMA-seeded EMA, not iMA's)                |
//|         SMMA: (ma * (n - 1) + p[i]) / n                          |
//|         LWMA: LinearWeightedMA of the window                     |
//|   sd = sqrt((0.0 + (p[i] - ma)^2 + ...) / n)  population, newest |
//|        first                                                     |
//| First value after n inputs.                                      |
//| A missing input (TL_NO_VALUE) is skipped: no state change, the   |
//| current value is returned. Leading ones are MT5's `begin`; a     |
//| later hole holds the last value.                                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_STDDEV_MQH
#define TRADELOOM_INDICATORS_STDDEV_MQH

#include <Tradeloom\Values.mqh>
#include <Tradeloom\Indicators\WindowSums.mqh>

struct TlStdDev
  {
   int               period;
   ENUM_MA_METHOD    method;     // the average the deviation is measured around
   TlWindow          w;          // the last `period` inputs
   double            value;      // standard deviation, TL_NO_VALUE until `period` inputs
   double            ma;         // the average it is measured around
  };

//--- one step of StdDev.mq5's average; `first` is true on the seed bar
double TlStdDevNextMa(const ENUM_MA_METHOD method, const double &a[], const int end, const int n,
                      const double prev, const bool first)
  {
   if(method == MODE_LWMA)
      return(TlLinearWeightedMean(a, end, n));
   if(first || method == MODE_SMA)
      return(TlSumNewestFirst(a, end, n) / n);
   if(method == MODE_EMA)
     {
      const double pr = 2.0 / (n + 1.0);
      return(a[end] * pr + prev * (1 - pr));
     }
   return((prev * (n - 1) + a[end]) / n);
  }

//--- prepares a standard deviation of `period` inputs around a `method` average
void TlStdDevInit(TlStdDev &s, const int period, const ENUM_MA_METHOD method)
  {
   s.period = period;
   s.method = method;
   TlWindowInit(s.w, period);
   s.value = TL_NO_VALUE;
   s.ma = TL_NO_VALUE;
  }

//--- feeds one input and returns the standard deviation (TL_NO_VALUE while warming up)
double TlStdDevUpdate(TlStdDev &s, const double x)
  {
   if(!TlIsValid(x))
      return(s.value);   // skipped: no state change (TL_NO_VALUE until the first value)
   TlWindowPush(s.w, x);
   const int n = s.period;
   if(s.w.count < n)
      return(TL_NO_VALUE);
   s.ma = TlStdDevNextMa(s.method, s.w.buf, s.w.end, n, s.ma, s.w.count == n);
   s.value = MathSqrt(TlSumSquaredDeviation(s.w.buf, s.w.end, n, s.ma) / n);
   return(s.value);
  }

#endif
