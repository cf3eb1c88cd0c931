//+------------------------------------------------------------------+
//| Tradeloom/Guardrails.mqh                                         |
//| Account guardrails enforced inside the EA, so they hold even     |
//| when our server cannot be reached: a maximum daily loss on       |
//| equity (percent of the day's starting equity) and a maximum      |
//| number of open positions. A daily-loss breach closes this EA's   |
//| positions and blocks new entries until the next trading day.     |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_GUARDRAILS_MQH
#define TRADELOOM_GUARDRAILS_MQH

#include <Tradeloom\Trade.mqh>

struct TlGuardrails
  {
   double            maxDailyLossPct;   // 0 disables the daily-loss limit
   int               maxOpenPositions;  // 0 disables the position limit
   datetime          dayStart;          // server-time midnight of the current trading day
   double            dayStartEquity;
   bool              breachedToday;
  };

//--- midnight (server time) of the day containing t
datetime TlDayStart(const datetime t)
  {
   return(t - (t % 86400));
  }

void TlGuardrailsInit(TlGuardrails &g, const double maxDailyLossPct, const int maxOpenPositions)
  {
   g.maxDailyLossPct = maxDailyLossPct;
   g.maxOpenPositions = maxOpenPositions;
   g.dayStart = TlDayStart(TimeCurrent());
   g.dayStartEquity = AccountInfoDouble(ACCOUNT_EQUITY);
   g.breachedToday = false;
  }

//--- starts a new day's budget when the server date changes
void TlGuardrailsRollDay(TlGuardrails &g)
  {
   const datetime today = TlDayStart(TimeCurrent());
   if(today == g.dayStart)
      return;
   g.dayStart = today;
   g.dayStartEquity = AccountInfoDouble(ACCOUNT_EQUITY);
   g.breachedToday = false;
  }

//--- checks the daily loss on every tick; on a breach flattens this EA and blocks entries for the day
void TlGuardrailsCheck(TlGuardrails &g, CTrade &trade, const long magic)
  {
   TlGuardrailsRollDay(g);
   if(g.breachedToday || g.maxDailyLossPct <= 0.0 || g.dayStartEquity <= 0.0)
      return;
   const double lossPct = (g.dayStartEquity - AccountInfoDouble(ACCOUNT_EQUITY)) / g.dayStartEquity * 100.0;
   if(lossPct < g.maxDailyLossPct)
      return;
   g.breachedToday = true;
   PrintFormat("Daily loss %.2f%% reached the %.2f%% limit: closing positions, no entries until tomorrow",
               lossPct, g.maxDailyLossPct);
   TlCloseAll(trade, magic, "daily loss limit");
  }

//--- true when an entry may go ahead. An entry first closes this EA's positions on the other
//--- side and never adds to its own (TlEnter), so afterwards the EA holds one side's positions
//--- or the new one: a reversal keeps the count at 1 and passes a limit of 1, as the TypeScript
//--- runtime reverses (counting all positions before the entry refused every reversal).
bool TlGuardrailsAllowEntry(const TlGuardrails &g, const long magic)
  {
   if(g.breachedToday)
      return(false);
   if(g.maxOpenPositions <= 0)
      return(true);
   const int longs = TlCountPositions(magic, POSITION_TYPE_BUY);
   const int shorts = TlCountPositions(magic, POSITION_TYPE_SELL);
   const int held = (longs > shorts) ? longs : shorts;
   return(((held > 1) ? held : 1) <= g.maxOpenPositions);
  }

#endif
