//+------------------------------------------------------------------+
//| Tradeloom/Orders.mqh                                             |
//| Entries with stops, targets, trailing, break-even and sizing,    |
//| resolved exactly as the TypeScript runtime resolves them         |
//| (runtime/src/broker/levels.ts, sizing.ts, trailing.ts):          |
//|  - distances are measured from the fill price (Ask for a buy,    |
//|    Bid for a sell) and prices rounded to the tick size, then to  |
//|    the symbol's digits;                                          |
//|  - volume is rounded DOWN to the volume step; below the minimum  |
//|    the entry is refused with a reason;                           |
//|  - trailing and break-even move the stop at each new bar's open, |
//|    from the closing-side price, and never backwards.             |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_ORDERS_MQH
#define TRADELOOM_ORDERS_MQH

#include <Tradeloom\Values.mqh>
#include <Tradeloom\Trade.mqh>

#define TL_DISTANCE_NONE     0
#define TL_DISTANCE_POINTS   1
#define TL_DISTANCE_PIPS     2
#define TL_DISTANCE_ATR      3
#define TL_DISTANCE_PERCENT  4

#define TL_SIZING_DEFAULT         0   // the EA's InpLots
#define TL_SIZING_FIXED           1
#define TL_SIZING_PERCENT_EQUITY  2
#define TL_SIZING_RISK_PERCENT    3

#define TL_MAX_MANAGED 64             // positions whose trailing/break-even this EA tracks

struct TlDistance
  {
   int               kind;
   double            value;
   double            atr;      // the ATR seen when the entry was decided (ATR distances only)
  };

//--- a stop that follows the price at `distance` once the position is `activation` in profit
struct TlTrailing
  {
   TlDistance        distance;
   TlDistance        activation;
  };

//--- moves the stop to entry + `offset` once the position is `trigger` in profit
struct TlBreakEven
  {
   TlDistance        trigger;
   TlDistance        offset;
  };

struct TlSizing
  {
   int               kind;
   double            value;
  };

//--- everything an entry needs besides its side; each part is optional (kind NONE / DEFAULT)
struct TlOrderPlan
  {
   TlDistance        stopLoss;
   TlDistance        takeProfit;
   TlTrailing        trailing;
   TlBreakEven       breakEven;
   TlSizing          sizing;
  };

//--- trailing and break-even state of one open position, in price units
struct TlManagedStop
  {
   ulong             ticket;
   double            trailDistance;     // TL_NO_VALUE: no trailing
   double            trailActivation;
   double            breakEvenTrigger;  // TL_NO_VALUE: none, or already moved
   double            breakEvenOffset;
  };

TlManagedStop g_tlManaged[TL_MAX_MANAGED];
int           g_tlManagedCount = 0;

void TlDistanceSet(TlDistance &d, const int kind, const double value, const double atr)
  {
   d.kind = kind;
   d.value = value;
   d.atr = atr;
  }

void TlPlanReset(TlOrderPlan &p)
  {
   TlDistanceSet(p.stopLoss, TL_DISTANCE_NONE, 0.0, TL_NO_VALUE);
   TlDistanceSet(p.takeProfit, TL_DISTANCE_NONE, 0.0, TL_NO_VALUE);
   TlDistanceSet(p.trailing.distance, TL_DISTANCE_NONE, 0.0, TL_NO_VALUE);
   TlDistanceSet(p.trailing.activation, TL_DISTANCE_NONE, 0.0, TL_NO_VALUE);
   TlDistanceSet(p.breakEven.trigger, TL_DISTANCE_NONE, 0.0, TL_NO_VALUE);
   TlDistanceSet(p.breakEven.offset, TL_DISTANCE_NONE, 0.0, TL_NO_VALUE);
   p.sizing.kind = TL_SIZING_DEFAULT;
   p.sizing.value = 0.0;
  }

//--- 10 points on 3/5-digit symbols, else 1 point (the runtime's defineSymbol default)
double TlPipSize()
  {
   return((_Digits == 3 || _Digits == 5) ? 10.0 * _Point : _Point);
  }

//--- rounds to the tick size, then to the symbol's digits (the runtime's normalizePrice)
double TlNormalizePrice(const double price)
  {
   const double tickSize = SymbolInfoDouble(_Symbol, SYMBOL_TRADE_TICK_SIZE);
   const double onTick = (tickSize > 0.0) ? MathRound(price / tickSize) * tickSize : price;
   return(NormalizeDouble(onTick, _Digits));
  }

//--- a distance in price units from `entryPrice`; TL_NO_VALUE when unset or an ATR is missing
double TlDistanceInPrice(const TlDistance &d, const double entryPrice)
  {
   switch(d.kind)
     {
      case TL_DISTANCE_POINTS:
         return(d.value * _Point);
      case TL_DISTANCE_PIPS:
         return(d.value * TlPipSize());
      case TL_DISTANCE_ATR:
         return((TlIsValid(d.atr) && d.atr > 0.0) ? d.value * d.atr : TL_NO_VALUE);
      case TL_DISTANCE_PERCENT:
         return(entryPrice * d.value / 100.0);
     }
   return(TL_NO_VALUE);
  }

//--- a stop (against the position) or target (with it) for side 1 long / -1 short; 0 = none
double TlResolveLevel(const TlDistance &d, const int side, const bool isStop, const double entryPrice)
  {
   const double distance = TlDistanceInPrice(d, entryPrice);
   if(!TlIsValid(distance))
      return(0.0);
   const int direction = isStop ? -side : side;
   return(TlNormalizePrice(entryPrice + direction * distance));
  }

//--- the volume for an entry, or 0 with the reason printed (the runtime's sizeEntry)
double TlSizeEntry(const TlOrderPlan &p, const double defaultLots, const double entryPrice, const double stopLoss)
  {
   const double tickSize = SymbolInfoDouble(_Symbol, SYMBOL_TRADE_TICK_SIZE);
   const double tickValue = SymbolInfoDouble(_Symbol, SYMBOL_TRADE_TICK_VALUE);
   const double equity = AccountInfoDouble(ACCOUNT_EQUITY);
   double raw = defaultLots;
   if(p.sizing.kind == TL_SIZING_FIXED)
      raw = p.sizing.value;
   else if(p.sizing.kind == TL_SIZING_PERCENT_EQUITY)
      raw = (equity * p.sizing.value) / 100.0 / ((1.0 * entryPrice * tickValue) / tickSize);
   else if(p.sizing.kind == TL_SIZING_RISK_PERCENT)
     {
      if(stopLoss <= 0.0)
        {
         Print("risk-percent sizing needs a stop loss on the order: entry skipped");
         return(0.0);
        }
      raw = (equity * p.sizing.value) / 100.0 / ((MathAbs(entryPrice - stopLoss) / tickSize) * tickValue);
     }
   if(!(raw > 0.0))
     {
      PrintFormat("sizing gives no volume (equity %.2f): entry skipped", equity);
      return(0.0);
     }
   return(TlNormalizeLots(raw));
  }

//--- remembers a new position's trailing and break-even rules, in price units
void TlManage(const ulong ticket, const TlOrderPlan &p, const double entryPrice)
  {
   const bool trails = p.trailing.distance.kind != TL_DISTANCE_NONE;
   const bool breaksEven = p.breakEven.trigger.kind != TL_DISTANCE_NONE;
   if(ticket == 0 || (!trails && !breaksEven))
      return;
   if(g_tlManagedCount >= TL_MAX_MANAGED)
     {
      Print("Too many managed positions: trailing/break-even not applied to #", ticket);
      return;
     }
   TlManagedStop m;
   m.ticket = ticket;
   m.trailDistance = trails ? TlDistanceInPrice(p.trailing.distance, entryPrice) : TL_NO_VALUE;
   m.trailActivation = 0.0;
   if(trails && p.trailing.activation.kind != TL_DISTANCE_NONE)
      m.trailActivation = TlDistanceInPrice(p.trailing.activation, entryPrice);
   m.breakEvenTrigger = breaksEven ? TlDistanceInPrice(p.breakEven.trigger, entryPrice) : TL_NO_VALUE;
   m.breakEvenOffset = 0.0;
   if(breaksEven && p.breakEven.offset.kind != TL_DISTANCE_NONE)
      m.breakEvenOffset = TlDistanceInPrice(p.breakEven.offset, entryPrice);
   g_tlManaged[g_tlManagedCount] = m;
   g_tlManagedCount++;
  }

//--- the runtime's checkStopLevels: levels on the right side of the closing price and at least
//--- SYMBOL_TRADE_STOPS_LEVEL points away; otherwise the entry is refused with the reason
bool TlStopsAllowed(const int side, const double stopLoss, const double takeProfit, const string comment)
  {
   const double closePrice = (side > 0) ? SymbolInfoDouble(_Symbol, SYMBOL_BID) : SymbolInfoDouble(_Symbol, SYMBOL_ASK);
   const double minDistance = (double)SymbolInfoInteger(_Symbol, SYMBOL_TRADE_STOPS_LEVEL) * _Point;
   const double tolerance = _Point * 1e-6;
   if(stopLoss > 0.0)
     {
      const double distance = side * (closePrice - stopLoss);
      if(distance <= 0.0 || distance + tolerance < minDistance)
        {
         PrintFormat("%s: stop loss %s is too close to the price %s (stops level %.0f points): entry skipped",
                     comment, DoubleToString(stopLoss, _Digits), DoubleToString(closePrice, _Digits), minDistance / _Point);
         return(false);
        }
     }
   if(takeProfit > 0.0)
     {
      const double distance = side * (takeProfit - closePrice);
      if(distance <= 0.0 || distance + tolerance < minDistance)
        {
         PrintFormat("%s: take profit %s is too close to the price %s (stops level %.0f points): entry skipped",
                     comment, DoubleToString(takeProfit, _Digits), DoubleToString(closePrice, _Digits), minDistance / _Point);
         return(false);
        }
     }
   return(true);
  }

//--- opens a position on `side` (1 buy, -1 sell) with the plan's stops and size
bool TlEnter(CTrade &trade, const long magic, const int side, const TlOrderPlan &p, const double defaultLots,
             const string comment)
  {
   const ENUM_POSITION_TYPE opposite = (side > 0) ? POSITION_TYPE_SELL : POSITION_TYPE_BUY;
   const ENUM_POSITION_TYPE same = (side > 0) ? POSITION_TYPE_BUY : POSITION_TYPE_SELL;
   if(!TlClosePositions(trade, magic, opposite, comment))
      return(false);
   if(TlCountPositions(magic, same) > 0)
      return(true);                                  // one position per direction, no adding
   const double entryPrice = (side > 0) ? SymbolInfoDouble(_Symbol, SYMBOL_ASK)
                                        : SymbolInfoDouble(_Symbol, SYMBOL_BID);
   const double stopLoss = TlResolveLevel(p.stopLoss, side, true, entryPrice);
   const double takeProfit = TlResolveLevel(p.takeProfit, side, false, entryPrice);
   if(p.stopLoss.kind != TL_DISTANCE_NONE && stopLoss == 0.0)
     {
      Print(comment, ": the stop loss has no ATR value yet: entry skipped");
      return(false);
     }
   if(!TlStopsAllowed(side, stopLoss, takeProfit, comment))
      return(false);
   const double lots = TlSizeEntry(p, defaultLots, entryPrice, stopLoss);
   if(lots <= 0.0)
      return(false);
   for(int attempt = 0; attempt < TL_MAX_ATTEMPTS; attempt++)
     {
      const bool sent = (side > 0) ? trade.Buy(lots, _Symbol, 0.0, stopLoss, takeProfit, comment)
                                   : trade.Sell(lots, _Symbol, 0.0, stopLoss, takeProfit, comment);
      const uint retcode = trade.ResultRetcode();
      if(sent && (retcode == TRADE_RETCODE_DONE || retcode == TRADE_RETCODE_DONE_PARTIAL))
        {
         TlManage(trade.ResultOrder(), p, trade.ResultPrice() > 0.0 ? trade.ResultPrice() : entryPrice);
         return(true);
        }
      PrintFormat("%s %.2f lots failed (attempt %d): %u %s", comment, lots, attempt + 1, retcode,
                  trade.ResultRetcodeDescription());
      if(!TlIsTransientRetcode(retcode))
         return(false);
     }
   return(false);
  }

//--- moves trailing and break-even stops; call once per new bar, after the bar's orders
void TlManageStops(CTrade &trade)
  {
   for(int i = g_tlManagedCount - 1; i >= 0; i--)
     {
      if(!PositionSelectByTicket(g_tlManaged[i].ticket))
        {
         g_tlManaged[i] = g_tlManaged[g_tlManagedCount - 1];   // closed: forget it
         g_tlManagedCount--;
         continue;
        }
      const int side = ((ENUM_POSITION_TYPE)PositionGetInteger(POSITION_TYPE) == POSITION_TYPE_BUY) ? 1 : -1;
      const double entry = PositionGetDouble(POSITION_PRICE_OPEN);
      const double closePrice = (side > 0) ? SymbolInfoDouble(_Symbol, SYMBOL_BID) : SymbolInfoDouble(_Symbol, SYMBOL_ASK);
      const double currentStop = PositionGetDouble(POSITION_SL);
      double newStop = currentStop;
      if(TlIsValid(g_tlManaged[i].trailDistance) && side * (closePrice - entry) >= g_tlManaged[i].trailActivation)
        {
         const double level = TlNormalizePrice(closePrice - side * g_tlManaged[i].trailDistance);
         if(newStop == 0.0 || side * (level - newStop) > 0.0)
            newStop = level;
        }
      if(TlIsValid(g_tlManaged[i].breakEvenTrigger) && side * (closePrice - entry) >= g_tlManaged[i].breakEvenTrigger)
        {
         const double level = TlNormalizePrice(entry + side * g_tlManaged[i].breakEvenOffset);
         if(newStop == 0.0 || side * (level - newStop) > 0.0)
            newStop = level;
         g_tlManaged[i].breakEvenTrigger = TL_NO_VALUE;        // fires once
        }
      if(newStop != currentStop)
         if(!trade.PositionModify(g_tlManaged[i].ticket, newStop, PositionGetDouble(POSITION_TP)))
            PrintFormat("Moving the stop of #%I64u failed: %u", g_tlManaged[i].ticket, trade.ResultRetcode());
     }
  }

#endif
