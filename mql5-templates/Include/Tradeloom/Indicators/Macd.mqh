//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Macd.mqh                                    |
//| MACD as MT5 computes it (iMACD, MACD.mq5), streaming. Mirrors    |
//| runtime/src/indicators/macd.ts:                                  |
//|   main      = EMA(fast) - EMA(slow)   both seeded with the first |
//|               input, as Ema.mqh                                  |
//|   signal    = running SMA(signal) of main, as Sma.mqh            |
//|   histogram = main - signal          (= iOsMA)                   |
//| MT5's signal line is a SIMPLE average (TradingView uses an EMA). |
//| Main is recursive: the strategy's warm-up includes a burn-in.    |
//| A missing input (TL_NO_VALUE) is skipped: no state change, the   |
//| current value is returned. Leading ones are MT5's `begin`; a     |
//| later hole holds the last value.                                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_MACD_MQH
#define TRADELOOM_INDICATORS_MACD_MQH

#include <Tradeloom\Values.mqh>

struct TlMacd
  {
   double            fa;         // fast EMA weight, 2 / (1 + fast)
   double            fr;         // 1 - fa
   double            sa;         // slow EMA weight
   double            sr;         // 1 - sa
   int               g;          // signal period
   double            fast;       // fast EMA
   double            slow;       // slow EMA
   int               count;      // inputs seen so far
   int               pos;        // ring slot of the oldest main once full
   double            sum;        // sum of the first g main values
   double            window[];   // the last g main values, as a ring
   double            main;       // MACD line
   double            signal;     // signal line, TL_NO_VALUE until g main values
   double            histogram;  // main - signal
  };

//--- prepares a MACD(fast, slow, signal)
void TlMacdInit(TlMacd &s, const int fastPeriod, const int slowPeriod, const int signalPeriod)
  {
   s.fa = 2.0 / (1.0 + fastPeriod);
   s.fr = 1.0 - s.fa;
   s.sa = 2.0 / (1.0 + slowPeriod);
   s.sr = 1.0 - s.sa;
   s.g = signalPeriod;
   s.fast = 0.0;
   s.slow = 0.0;
   s.count = 0;
   s.pos = 0;
   s.sum = 0.0;
   ArrayResize(s.window, signalPeriod);
   ArrayInitialize(s.window, 0.0);
   s.main = TL_NO_VALUE;
   s.signal = TL_NO_VALUE;
   s.histogram = TL_NO_VALUE;
  }

//--- feeds one input and returns the main line; read s.signal and s.histogram after it
double TlMacdUpdate(TlMacd &s, const double x)
  {
   if(!TlIsValid(x))
      return(s.main);   // skipped: no state change (TL_NO_VALUE until the first value)
   const int g = s.g;
   if(s.count == 0)
     {
      s.fast = x;
      s.slow = x;
     }
   else
     {
      s.fast = x * s.fa + s.fast * s.fr;
      s.slow = x * s.sa + s.slow * s.sr;
     }
   const double m = s.fast - s.slow;
   s.main = m;
   if(s.count >= g)
     {
      const double oldest = s.window[s.pos];
      s.window[s.pos] = m;
      s.pos++;
      if(s.pos == g)
         s.pos = 0;
      s.signal = s.signal + (m - oldest) / g;
      s.histogram = m - s.signal;
     }
   else
     {
      s.window[s.count] = m;
      s.sum += m;
      if(s.count == g - 1)
        {
         s.signal = s.sum / g;
         s.histogram = m - s.signal;
        }
     }
   s.count++;
   return(m);
  }

#endif
