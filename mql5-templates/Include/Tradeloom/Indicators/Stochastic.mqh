//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Stochastic.mqh                              |
//| Stochastic oscillator as MT5 computes it (iStochastic MODE_SMA,  |
//| Stochastic.mq5), streaming. Mirrors runtime/src/indicators/      |
//| stochastic.ts; K, D, S = kPeriod, dPeriod, slowing:              |
//|   HH, LL = highest / lowest of the last K highs / lows           |
//|            (STO_CLOSECLOSE: of the last K closes)                |
//|   over the last S bars, oldest first:                            |
//|     sumLow += close - LL; sumHigh += HH - LL                     |
//|   main   = sumHigh == 0 ? 100 : sumLow / sumHigh * 100           |
//|            (slowing is a RATIO OF SUMS, not an average of %K)    |
//|   signal = (0.0 + main[i] + ... + main[i-D+1]) / D  newest first |
//| main from K + S - 1 bars, signal from K + S + D - 2 bars (MT5    |
//| averages leading zeros into the signal before that; we do not).  |
//| Only the SMA %D method: MT5's seeding of the others is unknown.  |
//| A bar with its high, low or close missing (TL_NO_VALUE),         |
//| whatever the price field, is skipped as a whole: no state        |
//| change, the current value is returned.                           |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_STOCHASTIC_MQH
#define TRADELOOM_INDICATORS_STOCHASTIC_MQH

#include <Tradeloom\Values.mqh>
#include <Tradeloom\Indicators\RollingExtreme.mqh>

struct TlStochastic
  {
   int               kPeriod;
   int               dPeriod;
   int               slowing;
   bool              closeClose; // STO_CLOSECLOSE: extremes of closes instead of highs/lows
   TlRollingMax      hh;
   TlRollingMin      ll;
   double            num[];      // ring of the last S values of close - LL
   double            den[];      // ring of the last S values of HH - LL
   double            mains[];    // ring of the last D main values
   int               count;      // bars seen so far
   int               mainCount;  // main values computed so far
   double            main;       // %K, TL_NO_VALUE while warming up
   double            signal;     // %D, TL_NO_VALUE while warming up
  };

//--- prepares a Stochastic(K, D, slowing) on highs/lows or on closes
void TlStochasticInit(TlStochastic &s, const int kPeriod, const int dPeriod, const int slowing,
                      const ENUM_STO_PRICE priceField)
  {
   s.kPeriod = kPeriod;
   s.dPeriod = dPeriod;
   s.slowing = slowing;
   s.closeClose = (priceField == STO_CLOSECLOSE);
   TlRollingMaxInit(s.hh, kPeriod);
   TlRollingMinInit(s.ll, kPeriod);
   ArrayResize(s.num, slowing);
   ArrayInitialize(s.num, 0.0);
   ArrayResize(s.den, slowing);
   ArrayInitialize(s.den, 0.0);
   ArrayResize(s.mains, dPeriod);
   ArrayInitialize(s.mains, 0.0);
   s.count = 0;
   s.mainCount = 0;
   s.main = TL_NO_VALUE;
   s.signal = TL_NO_VALUE;
  }

//--- feeds one closed bar and returns %K; read s.signal (%D) after it
double TlStochasticUpdate(TlStochastic &s, const double high, const double low, const double close)
  {
   if(!TlIsValid(high) || !TlIsValid(low) || !TlIsValid(close))
      return(s.main);   // skipped: no state change
   const double hh = TlRollingMaxPush(s.hh, s.closeClose ? close : high);
   const double ll = TlRollingMinPush(s.ll, s.closeClose ? close : low);
   const int c = s.count;
   s.count++;
   if(c < s.kPeriod - 1)
      return(TL_NO_VALUE);
   const int sl = s.slowing;
   const int slot = (c - (s.kPeriod - 1)) % sl;
   s.num[slot] = close - ll;
   s.den[slot] = hh - ll;
   if(c < s.kPeriod + sl - 2)
      return(TL_NO_VALUE);
   double sumLow = 0.0;
   double sumHigh = 0.0;
   // Oldest first: the oldest of the last S entries sits right after the newest slot.
   for(int j = 1; j <= sl; j++)
     {
      const int q = (slot + j) % sl;
      sumLow += s.num[q];
      sumHigh += s.den[q];
     }
   const double m = (sumHigh == 0.0) ? 100.0 : (sumLow / sumHigh) * 100;
   s.main = m;
   const int d = s.dPeriod;
   const int mc = s.mainCount;
   s.mainCount++;
   const int mslot = mc % d;
   s.mains[mslot] = m;
   if(mc >= d - 1)
     {
      double sum = 0.0;
      for(int j = 0; j < d; j++)
         sum += s.mains[(mslot - j + d) % d];
      s.signal = sum / d;
     }
   return(m);
  }

#endif
