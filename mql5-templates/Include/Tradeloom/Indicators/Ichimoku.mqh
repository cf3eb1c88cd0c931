//+------------------------------------------------------------------+
//| Tradeloom/Indicators/Ichimoku.mqh                                |
//| Ichimoku Kinko Hyo as MT5 computes it (iIchimoku, Ichimoku.mq5), |
//| streaming. Mirrors runtime/src/indicators/ichimoku.ts; mid(w) =  |
//| (highest high + lowest low of the last w bars) / 2.0:            |
//|   tenkan = mid(tenkan); kijun = mid(kijun)                       |
//|   spanA  = (tenkan + kijun) / 2.0; spanB = mid(senkou)           |
//|   chikou = close                                                 |
//| Every line is the value COMPUTED at the bar, unshifted. MT5 draws|
//| the spans `kijun` bars to the right: cloudA / cloudB are the     |
//| spans of `kijun` bars ago, i.e. the cloud shown under this bar.  |
//| Chikou is drawn `kijun` bars to the left. Unlike MT5 (which      |
//| truncates windows at the start of history) a line has no value   |
//| until its window is full.                                        |
//| A bar with its high, low or close missing (TL_NO_VALUE) is       |
//| skipped as a whole: no state change, every line holds; windows   |
//| and the cloud shift count complete bars only.                    |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_ICHIMOKU_MQH
#define TRADELOOM_INDICATORS_ICHIMOKU_MQH

#include <Tradeloom\Values.mqh>
#include <Tradeloom\Indicators\RollingExtreme.mqh>

struct TlIchimoku
  {
   int               tenkanPeriod;
   int               kijunPeriod;
   int               senkouPeriod;
   int               count;      // bars seen so far
   int               pos;        // ring slot holding the spans of kijunPeriod bars ago
   TlRollingMax      th;
   TlRollingMin      tl;
   TlRollingMax      kh;
   TlRollingMin      kl;
   TlRollingMax      sh;
   TlRollingMin      sl;
   double            pastA[];    // the last kijunPeriod spanA values, as a ring
   double            pastB[];    // the last kijunPeriod spanB values, as a ring
   double            tenkan;     // outputs, TL_NO_VALUE until their windows are full
   double            kijun;
   double            spanA;
   double            spanB;
   double            chikou;
   double            cloudA;
   double            cloudB;
  };

//--- prepares an Ichimoku(tenkan, kijun, senkou)
void TlIchimokuInit(TlIchimoku &s, const int tenkanPeriod, const int kijunPeriod, const int senkouPeriod)
  {
   s.tenkanPeriod = tenkanPeriod;
   s.kijunPeriod = kijunPeriod;
   s.senkouPeriod = senkouPeriod;
   s.count = 0;
   s.pos = 0;
   TlRollingMaxInit(s.th, tenkanPeriod);
   TlRollingMinInit(s.tl, tenkanPeriod);
   TlRollingMaxInit(s.kh, kijunPeriod);
   TlRollingMinInit(s.kl, kijunPeriod);
   TlRollingMaxInit(s.sh, senkouPeriod);
   TlRollingMinInit(s.sl, senkouPeriod);
   ArrayResize(s.pastA, kijunPeriod);
   ArrayInitialize(s.pastA, TL_NO_VALUE);
   ArrayResize(s.pastB, kijunPeriod);
   ArrayInitialize(s.pastB, TL_NO_VALUE);
   s.tenkan = TL_NO_VALUE;
   s.kijun = TL_NO_VALUE;
   s.spanA = TL_NO_VALUE;
   s.spanB = TL_NO_VALUE;
   s.chikou = TL_NO_VALUE;
   s.cloudA = TL_NO_VALUE;
   s.cloudB = TL_NO_VALUE;
  }

//--- feeds one closed bar and returns the tenkan line; read the other lines after it
double TlIchimokuUpdate(TlIchimoku &s, const double high, const double low, const double close)
  {
   if(!TlIsValid(high) || !TlIsValid(low) || !TlIsValid(close))
      return(s.tenkan);   // skipped: no state change
   const int c = s.count;
   s.count++;
   // Each deque must see every bar, so all six are pushed before any line is chosen.
   const double th = TlRollingMaxPush(s.th, high);
   const double tl = TlRollingMinPush(s.tl, low);
   const double kh = TlRollingMaxPush(s.kh, high);
   const double kl = TlRollingMinPush(s.kl, low);
   const double sh = TlRollingMaxPush(s.sh, high);
   const double sl = TlRollingMinPush(s.sl, low);
   const double tenkan = (c >= s.tenkanPeriod - 1) ? (th + tl) / 2.0 : TL_NO_VALUE;
   const double kijun = (c >= s.kijunPeriod - 1) ? (kh + kl) / 2.0 : TL_NO_VALUE;
   // The runtime gets NaN from NaN arithmetic; MQL5 has to say it.
   const double spanA = (TlIsValid(tenkan) && TlIsValid(kijun)) ? (tenkan + kijun) / 2.0 : TL_NO_VALUE;
   const double spanB = (c >= s.senkouPeriod - 1) ? (sh + sl) / 2.0 : TL_NO_VALUE;
   s.cloudA = s.pastA[s.pos];
   s.cloudB = s.pastB[s.pos];
   s.pastA[s.pos] = spanA;
   s.pastB[s.pos] = spanB;
   s.pos++;
   if(s.pos == s.kijunPeriod)
      s.pos = 0;
   s.tenkan = tenkan;
   s.kijun = kijun;
   s.spanA = spanA;
   s.spanB = spanB;
   s.chikou = close;
   return(tenkan);
  }

#endif
