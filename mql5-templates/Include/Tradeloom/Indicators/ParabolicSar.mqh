//+------------------------------------------------------------------+
//| Tradeloom/Indicators/ParabolicSar.mqh                            |
//| Parabolic SAR as MT5 computes it (iSAR, ParabolicSAR.mq5),       |
//| streaming. Mirrors runtime/src/indicators/parabolic-sar.ts. A    |
//| path-dependent state machine that STARTS SHORT:                  |
//|   bar 1: SAR = max(high[0], high[1]); EP = low[1]; AF = step     |
//|   each bar: 1. reversal against this bar's range; the new SAR is |
//|             the extreme since the last reversal, EP = this bar's |
//|             extreme, AF = step                                   |
//|          2. otherwise a new extreme moves EP and raises AF by    |
//|             step, capped at `maximum`                            |
//|          3. next = SAR + AF * (EP - SAR), kept outside the last  |
//|             two bars' range                                      |
//| Update returns the SAR of the bar just closed; s.next is the SAR |
//| of the forming bar. No value on the first bar.                   |
//| A bar with its high or low missing (TL_NO_VALUE) is skipped as a |
//| whole: no state change, the current SAR is returned.             |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_PARABOLICSAR_MQH
#define TRADELOOM_INDICATORS_PARABOLICSAR_MQH

#include <Tradeloom\Values.mqh>

struct TlParabolicSar
  {
   double            step;       // acceleration step
   double            maximum;    // acceleration cap
   int               count;      // bars seen so far
   double            ph;         // previous high
   double            pl;         // previous low
   double            ep;         // extreme point of the current trend
   double            af;         // acceleration factor
   double            revHigh;    // highest high since the last reversal
   double            revLow;     // lowest low since the last reversal
   bool              isLong;     // true while the SAR is below price
   double            value;      // SAR of the last closed bar, TL_NO_VALUE on the first
   double            next;       // SAR of the forming bar
  };

//--- prepares a Parabolic SAR
void TlParabolicSarInit(TlParabolicSar &s, const double step, const double maximum)
  {
   s.step = step;
   s.maximum = maximum;
   s.count = 0;
   s.ph = 0.0;
   s.pl = 0.0;
   s.ep = 0.0;
   s.af = 0.0;
   s.revHigh = 0.0;
   s.revLow = 0.0;
   s.isLong = false;
   s.value = TL_NO_VALUE;
   s.next = TL_NO_VALUE;
  }

//--- feeds one closed bar and returns its SAR (TL_NO_VALUE on the first bar)
double TlParabolicSarUpdate(TlParabolicSar &s, const double high, const double low)
  {
   if(!TlIsValid(high) || !TlIsValid(low))
      return(s.value);   // skipped: no state change
   const int c = s.count;
   s.count++;
   if(c == 0)
     {
      s.next = high;
      s.ph = high;
      s.pl = low;
      s.revHigh = high;
      s.revLow = low;
      return(TL_NO_VALUE);
     }
   if(s.revHigh < high)
      s.revHigh = high;
   if(s.revLow > low)
      s.revLow = low;
   double sar;
   bool reversed = false;
   if(c == 1)
     {
      // SAR[1] is the highest of bars 0..1; EP is seeded with low[1].
      sar = s.revHigh;
      s.ep = low;
      s.af = s.step;
     }
   else
      sar = s.next;
   if(s.isLong)
     {
      if(sar > low)
        {
         s.isLong = false;
         sar = s.revHigh;
         s.ep = low;
         s.af = s.step;
         reversed = true;
        }
     }
   else if(sar < high)
     {
      s.isLong = true;
      sar = s.revLow;
      s.ep = high;
      s.af = s.step;
      reversed = true;
     }
   if(reversed)
     {
      s.revHigh = high;
      s.revLow = low;
     }
   const double ph = s.ph;
   const double pl = s.pl;
   double next;
   if(s.isLong)
     {
      if(!reversed && high > s.ep)
        {
         s.ep = high;
         s.af = s.af + s.step;
         if(s.af > s.maximum)
            s.af = s.maximum;
        }
      next = sar + s.af * (s.ep - sar);
      if(next > low || next > pl)
         next = MathMin(low, pl);
     }
   else
     {
      if(!reversed && low < s.ep)
        {
         s.ep = low;
         s.af = s.af + s.step;
         if(s.af > s.maximum)
            s.af = s.maximum;
        }
      next = sar + s.af * (s.ep - sar);
      if(next < high || next < ph)
         next = MathMax(high, ph);
     }
   s.value = sar;
   s.next = next;
   s.ph = high;
   s.pl = low;
   return(sar);
  }

#endif
