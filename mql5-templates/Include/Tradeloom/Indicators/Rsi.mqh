//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Rsi.mqh                                     |
//| Relative Strength Index as MT5 computes it (iRSI, RSI.mq5),      |
//| streaming. Mirrors runtime/src/indicators/rsi.ts:                |
//|   d = p[i] - p[i-1]; U = d > 0 ? d : 0; D = d < 0 ? -d : 0       |
//|   at i = b+n: AU = (U[b+1] + ... + U[b+n]) / n, AD likewise      |
//|   after:      AU = (AU * (n - 1) + U) / n, AD likewise (Wilder)  |
//|   RSI = AD != 0 ? 100 - 100 / (1 + AU / AD)                      |
//|               : (AU != 0 ? 100 : 50)    (MT5 gives 50 when flat) |
//| First value after n + 1 inputs. Recursive: the strategy's        |
//| warm-up includes a burn-in.                                      |
//| A missing input (TL_NO_VALUE) is skipped: no state change, the   |
//| current value is returned. Leading ones are MT5's `begin`; a     |
//| later hole holds the last value.                                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_RSI_MQH
#define TRADELOOM_INDICATORS_RSI_MQH

#include <Tradeloom\Values.mqh>

struct TlRsi
  {
   int               period;
   double            nm1;        // period - 1
   int               count;      // inputs seen so far
   double            prev;       // previous input
   double            au;         // average gain (a plain sum until the seed)
   double            ad;         // average loss (a plain sum until the seed)
   double            value;      // current RSI, TL_NO_VALUE until period + 1 inputs
  };

//--- the MT5 RSI ratio, including its flat-market rule
double TlRsiRatio(const double au, const double ad)
  {
   if(ad != 0.0)
      return(100.0 - 100.0 / (1.0 + au / ad));
   return(au != 0.0 ? 100.0 : 50.0);
  }

//--- prepares an RSI over `period` changes
void TlRsiInit(TlRsi &s, const int period)
  {
   s.period = period;
   s.nm1 = period - 1;
   s.count = 0;
   s.prev = 0.0;
   s.au = 0.0;
   s.ad = 0.0;
   s.value = TL_NO_VALUE;
  }

//--- feeds one input and returns the RSI in [0, 100] (TL_NO_VALUE while warming up)
double TlRsiUpdate(TlRsi &s, const double x)
  {
   if(!TlIsValid(x))
      return(s.value);   // skipped: no state change (TL_NO_VALUE until the first value)
   const int n = s.period;
   const int c = s.count;
   s.count++;
   const double d = x - s.prev;
   s.prev = x;
   if(c > n)
     {
      s.au = (s.au * s.nm1 + (d > 0.0 ? d : 0.0)) / n;
      s.ad = (s.ad * s.nm1 + (d < 0.0 ? -d : 0.0)) / n;
      s.value = TlRsiRatio(s.au, s.ad);
     }
   else if(c > 0)
     {
      // Until the seed, au and ad hold plain sums of the first n changes.
      s.au += d > 0.0 ? d : 0.0;
      s.ad += d < 0.0 ? -d : 0.0;
      if(c == n)
        {
         s.au = s.au / n;
         s.ad = s.ad / n;
         s.value = TlRsiRatio(s.au, s.ad);
        }
     }
   return(s.value);
  }

#endif
