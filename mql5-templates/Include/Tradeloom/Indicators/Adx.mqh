//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Adx.mqh                                     |
//| ADX, MetaQuotes' own variant (iADX, ADX.mq5), streaming. NOT     |
//| Wilder's ADX (see AdxWilder.mqh). Mirrors runtime/src/indicators/|
//| adx.ts; a = 2.0 / (n + 1.0), seeds 0 at the first bar:           |
//|   pd = TR != 0 ? 100 * up / TR : 0; nd likewise (each bar's DM   |
//|   over that bar's own TR)                                        |
//|   +DI = pd * a + +DI * (1 - a); -DI = nd * a + -DI * (1 - a)     |
//|   DX  = sum != 0 ? 100 * |(+DI - -DI) / (+DI + -DI)| : 0         |
//|   ADX = DX * a + ADX * (1 - a)                                   |
//| Values from the second bar, converging from the 0 seeds: the     |
//| strategy's warm-up includes a burn-in.                           |
//| A bar with its high, low or close missing (TL_NO_VALUE) is       |
//| skipped as a whole: no state change, the current value is        |
//| returned; the next bar is compared with the last complete one.   |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_ADX_MQH
#define TRADELOOM_INDICATORS_ADX_MQH

#include <Tradeloom\Values.mqh>
#include <Tradeloom\Indicators\DirectionalMovement.mqh>

struct TlAdx
  {
   double            a;          // EMA weight, 2 / (n + 1)
   double            r;          // 1 - a
   int               count;      // bars seen so far
   double            ph;         // previous high
   double            pl;         // previous low
   double            pc;         // previous close
   double            pdi;        // +DI state
   double            ndi;        // -DI state
   double            ax;         // ADX state
   TlDm              dm;         // this bar's directional movement
   double            adx;        // outputs, TL_NO_VALUE on the first bar
   double            plusDi;
   double            minusDi;
  };

//--- prepares an ADX of `period` bars
void TlAdxInit(TlAdx &s, const int period)
  {
   s.a = 2.0 / (period + 1.0);
   s.r = 1 - s.a;
   s.count = 0;
   s.ph = 0.0;
   s.pl = 0.0;
   s.pc = 0.0;
   s.pdi = 0.0;
   s.ndi = 0.0;
   s.ax = 0.0;
   s.dm.up = 0.0;
   s.dm.dn = 0.0;
   s.dm.tr = 0.0;
   s.adx = TL_NO_VALUE;
   s.plusDi = TL_NO_VALUE;
   s.minusDi = TL_NO_VALUE;
  }

//--- feeds one closed bar and returns the ADX; read s.plusDi and s.minusDi after it
double TlAdxUpdate(TlAdx &s, const double high, const double low, const double close)
  {
   if(!TlIsValid(high) || !TlIsValid(low) || !TlIsValid(close))
      return(s.adx);   // skipped: no state change
   const int c = s.count;
   s.count++;
   if(c > 0)
     {
      TlDirectionalMovement(high, low, s.ph, s.pl, s.pc, s.dm);
      const double tr = s.dm.tr;
      const double pd = (tr != 0.0) ? 100.0 * s.dm.up / tr : 0.0;
      const double nd = (tr != 0.0) ? 100.0 * s.dm.dn / tr : 0.0;
      s.pdi = pd * s.a + s.pdi * s.r;
      s.ndi = nd * s.a + s.ndi * s.r;
      const double sum = s.pdi + s.ndi;
      const double dx = (sum != 0.0) ? 100.0 * MathAbs((s.pdi - s.ndi) / sum) : 0.0;
      s.ax = dx * s.a + s.ax * s.r;
      s.plusDi = s.pdi;
      s.minusDi = s.ndi;
      s.adx = s.ax;
     }
   s.ph = high;
   s.pl = low;
   s.pc = close;
   return(s.adx);
  }

#endif
