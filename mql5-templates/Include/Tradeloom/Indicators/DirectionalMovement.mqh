//+------------------------------------------------------------------+
//| Tradeloom/Indicators/DirectionalMovement.mqh                     |
//| Per-bar directional movement and true range, shared by ADX and   |
//| ADX Wilder. Mirrors runtime/src/indicators/directional-movement  |
//| .ts (MetaQuotes' ADX.mq5 / ADXW.mq5, mt5-semantics.md 1.9):      |
//|   up = high - prevHigh, dn = prevLow - low, each clipped at 0;   |
//|   up > dn -> dn = 0; up < dn -> up = 0; up == dn -> both 0       |
//|   TR = max(max(|H - L|, |H - prevClose|), |L - prevClose|)       |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_DIRECTIONALMOVEMENT_MQH
#define TRADELOOM_INDICATORS_DIRECTIONALMOVEMENT_MQH

struct TlDm
  {
   double            up;         // +DM
   double            dn;         // -DM
   double            tr;         // true range
  };

//--- fills `out` with +DM, -DM and TR for one bar
void TlDirectionalMovement(const double high, const double low, const double prevHigh,
                           const double prevLow, const double prevClose, TlDm &out)
  {
   double up = high - prevHigh;
   double dn = prevLow - low;
   if(up < 0.0)
      up = 0.0;
   if(dn < 0.0)
      dn = 0.0;
   if(up > dn)
      dn = 0.0;
   else if(up < dn)
      up = 0.0;
   else
     {
      up = 0.0;
      dn = 0.0;
     }
   out.up = up;
   out.dn = dn;
   out.tr = MathMax(MathMax(MathAbs(high - low), MathAbs(high - prevClose)), MathAbs(low - prevClose));
  }

#endif
