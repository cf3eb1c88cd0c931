//+------------------------------------------------------------------+
//| Tradeloom/Trade.mqh                                              |
//| Order plumbing shared by every generated EA, so the EA itself    |
//| reads as the strategy: CTrade set-up, lot normalisation, retcode |
//| handling, counting and closing this EA's positions by ticket.    |
//| Entries live in Orders.mqh.                                      |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_TRADE_MQH
#define TRADELOOM_TRADE_MQH

#include <Trade\Trade.mqh>

#define TL_MAX_ATTEMPTS 3

//--- prepares CTrade: magic number, slippage and a filling mode the symbol accepts
bool TlSetupTrade(CTrade &trade, const long magic, const int slippagePoints)
  {
   trade.SetExpertMagicNumber((ulong)magic);
   trade.SetDeviationInPoints((ulong)slippagePoints);
   if(!trade.SetTypeFillingBySymbol(_Symbol))
     {
      // Neither FOK nor IOC: leave the default and let the server choose (Return mode).
      PrintFormat("%s: symbol allows neither FOK nor IOC filling; using the server's default", _Symbol);
     }
   trade.SetMarginMode();
   return(true);
  }

//--- true on a hedging account (several positions per symbol allowed)
bool TlIsHedging()
  {
   return((ENUM_ACCOUNT_MARGIN_MODE)AccountInfoInteger(ACCOUNT_MARGIN_MODE) ==
          ACCOUNT_MARGIN_MODE_RETAIL_HEDGING);
  }

//--- rounds lots DOWN to the volume step and checks the symbol's limits; 0 means "cannot trade"
double TlNormalizeLots(const double lots)
  {
   const double step = SymbolInfoDouble(_Symbol, SYMBOL_VOLUME_STEP);
   const double minLots = SymbolInfoDouble(_Symbol, SYMBOL_VOLUME_MIN);
   const double maxLots = SymbolInfoDouble(_Symbol, SYMBOL_VOLUME_MAX);
   if(step <= 0.0)
      return(0.0);
   // The small epsilon keeps 0.3 / 0.1 = 2.9999999 from flooring to 0.2.
   double normalized = MathFloor(lots / step + 1e-9) * step;
   if(normalized > maxLots)
      normalized = maxLots;
   if(normalized < minLots)
     {
      PrintFormat("%.2f lots is below the symbol minimum %.2f: order skipped", lots, minLots);
      return(0.0);
     }
   const int volumeDigits = (int)MathMax(0.0, MathCeil(-MathLog10(step)));
   return(NormalizeDouble(normalized, volumeDigits));
  }

//--- true for trade-server answers worth retrying with a fresh price (mt5-semantics.md 3.9)
bool TlIsTransientRetcode(const uint retcode)
  {
   return(retcode == TRADE_RETCODE_REQUOTE || retcode == TRADE_RETCODE_PRICE_CHANGED ||
          retcode == TRADE_RETCODE_PRICE_OFF || retcode == TRADE_RETCODE_TOO_MANY_REQUESTS ||
          retcode == TRADE_RETCODE_CONNECTION || retcode == TRADE_RETCODE_TIMEOUT);
  }

//--- counts this EA's positions on the chart symbol in one direction
int TlCountPositions(const long magic, const ENUM_POSITION_TYPE type)
  {
   int count = 0;
   for(int i = PositionsTotal() - 1; i >= 0; i--)
     {
      const ulong ticket = PositionGetTicket(i);
      if(ticket == 0)
         continue;
      if(PositionGetString(POSITION_SYMBOL) != _Symbol || PositionGetInteger(POSITION_MAGIC) != magic)
         continue;
      if((ENUM_POSITION_TYPE)PositionGetInteger(POSITION_TYPE) == type)
         count++;
     }
   return(count);
  }

//--- counts all of this EA's positions on the chart symbol
int TlCountAllPositions(const long magic)
  {
   return(TlCountPositions(magic, POSITION_TYPE_BUY) + TlCountPositions(magic, POSITION_TYPE_SELL));
  }

//--- closes this EA's positions in one direction, by ticket; false if any close failed
bool TlClosePositions(CTrade &trade, const long magic, const ENUM_POSITION_TYPE type, const string reason)
  {
   bool allClosed = true;
   for(int i = PositionsTotal() - 1; i >= 0; i--)
     {
      const ulong ticket = PositionGetTicket(i);
      if(ticket == 0)
         continue;
      if(PositionGetString(POSITION_SYMBOL) != _Symbol || PositionGetInteger(POSITION_MAGIC) != magic)
         continue;
      if((ENUM_POSITION_TYPE)PositionGetInteger(POSITION_TYPE) != type)
         continue;
      bool closed = false;
      for(int attempt = 0; attempt < TL_MAX_ATTEMPTS && !closed; attempt++)
        {
         closed = trade.PositionClose(ticket) && trade.ResultRetcode() == TRADE_RETCODE_DONE;
         if(!closed && !TlIsTransientRetcode(trade.ResultRetcode()))
            break;
        }
      if(!closed)
        {
         PrintFormat("Close #%I64u (%s) failed: %u %s", ticket, reason, trade.ResultRetcode(),
                     trade.ResultRetcodeDescription());
         allClosed = false;
        }
     }
   return(allClosed);
  }

//--- closes every position of this EA on the chart symbol
bool TlCloseAll(CTrade &trade, const long magic, const string reason)
  {
   const bool longsClosed = TlClosePositions(trade, magic, POSITION_TYPE_BUY, reason);
   const bool shortsClosed = TlClosePositions(trade, magic, POSITION_TYPE_SELL, reason);
   return(longsClosed && shortsClosed);
  }

#endif
