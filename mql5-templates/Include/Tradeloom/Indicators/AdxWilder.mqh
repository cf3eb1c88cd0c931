//+------------------------------------------------------------------+
//| Tradeloom/Indicators/AdxWilder.mqh                               |
//| ADX Wilder as MT5 computes it (iADXWilder, ADXW.mq5), streaming. |
//| Mirrors runtime/src/indicators/adx-wilder.ts; from bar n on, with|
//| every smoothed value seeded 0 at bar n - 1 (not textbook):       |
//|   ATR = (ATR * (n - 1) + TR) / n; PDS, NDS likewise for +DM, -DM |
//|   +DI = ATR != 0 ? 100 * PDS / ATR : 0; -DI likewise             |
//|   DX  = sum != 0 ? 100 * |(+DI - -DI) / (+DI + -DI)| : 0         |
//|   ADXW = (ADXW * (n - 1) + DX) / n                               |
//| First value after n + 1 bars, ramping up from 0: the strategy's  |
//| warm-up includes a burn-in.                                      |
//| A bar with its high, low or close missing (TL_NO_VALUE) is       |
//| skipped as a whole: no state change, the current value is        |
//| returned; the next bar is compared with the last complete one.   |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_ADXWILDER_MQH
#define TRADELOOM_INDICATORS_ADXWILDER_MQH

#include <Tradeloom\Values.mqh>
#include <Tradeloom\Indicators\DirectionalMovement.mqh>

struct TlAdxWilder
  {
   int               n;          // period
   double            nm1;        // n - 1
   int               count;      // bars seen so far
   double            ph;         // previous high
   double            pl;         // previous low
   double            pc;         // previous close
   double            atr;        // smoothed true range
   double            pds;        // smoothed +DM
   double            nds;        // smoothed -DM
   double            ax;         // ADXW state
   TlDm              dm;         // this bar's directional movement
   double            adx;        // outputs, TL_NO_VALUE during the first n bars
   double            plusDi;
   double            minusDi;
  };

//--- prepares an ADX Wilder of `period` bars
void TlAdxWilderInit(TlAdxWilder &s, const int period)
  {
   s.n = period;
   s.nm1 = period - 1;
   s.count = 0;
   s.ph = 0.0;
   s.pl = 0.0;
   s.pc = 0.0;
   s.atr = 0.0;
   s.pds = 0.0;
   s.nds = 0.0;
   s.ax = 0.0;
   s.dm.up = 0.0;
   s.dm.dn = 0.0;
   s.dm.tr = 0.0;
   s.adx = TL_NO_VALUE;
   s.plusDi = TL_NO_VALUE;
   s.minusDi = TL_NO_VALUE;
  }

//--- feeds one closed bar and returns the ADX; read s.plusDi and s.minusDi after it
double TlAdxWilderUpdate(TlAdxWilder &s, const double high, const double low, const double close)
  {
   if(!TlIsValid(high) || !TlIsValid(low) || !TlIsValid(close))
      return(s.adx);   // skipped: no state change
   const int c = s.count;
   s.count++;
   if(c >= s.n)
     {
      TlDirectionalMovement(high, low, s.ph, s.pl, s.pc, s.dm);
      const int n = s.n;
      const double nm1 = s.nm1;
      s.atr = (s.atr * nm1 + s.dm.tr) / n;
      s.pds = (s.pds * nm1 + s.dm.up) / n;
      s.nds = (s.nds * nm1 + s.dm.dn) / n;
      double pdi = 0.0;
      double ndi = 0.0;
      if(s.atr != 0.0)
        {
         pdi = 100.0 * s.pds / s.atr;
         ndi = 100.0 * s.nds / s.atr;
        }
      const double sum = pdi + ndi;
      const double dx = (sum != 0.0) ? 100.0 * MathAbs((pdi - ndi) / sum) : 0.0;
      s.ax = (s.ax * nm1 + dx) / n;
      s.plusDi = pdi;
      s.minusDi = ndi;
      s.adx = s.ax;
     }
   s.ph = high;
   s.pl = low;
   s.pc = close;
   return(s.adx);
  }

#endif
