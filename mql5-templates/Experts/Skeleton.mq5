//+------------------------------------------------------------------+
//| Tradeloom Expert Advisor skeleton.                               |
//| The compiler replaces each `//@tradeloom:<slot>` line with the   |
//| strategy's code. As it stands the file compiles in MetaEditor    |
//| and runs an EA that never trades. Everything above the header    |
//| slot is dropped from generated files.                            |
//+------------------------------------------------------------------+
//@tradeloom:header
#property version   "1.00"

#include <Trade\Trade.mqh>
#include <Tradeloom\Values.mqh>
#include <Tradeloom\Trade.mqh>
#include <Tradeloom\Orders.mqh>
#include <Tradeloom\Guardrails.mqh>
//@tradeloom:includes

//--- Strategy inputs (one group per canvas node), then the EA's own settings
//@tradeloom:inputs
input group "Trading"
input double  InpLots              = 0.1;  // Lots per trade
input double  InpMaxDailyLossPct   = 5.0;  // Max daily loss, % of the day's starting equity (0 = off)
input int     InpMaxOpenPositions  = 1;    // Max open positions (0 = off)
sinput long   InpMagic        = 20240601; // Magic number (tags this EA's orders)
sinput int    InpHistoryBars  = 1000;     // Closed bars used to warm up indicators
sinput int    InpSlippage     = 10;       // Maximum slippage, points
//@tradeloom:deployment-inputs

CTrade       g_trade;
TlGuardrails g_guardrails;
datetime g_lastProcessedBar = 0;          // open time of the newest closed bar already evaluated
bool     g_warmedUp         = false;      // true once history has been fed through the rules
datetime g_lastFedBar       = 0;          // open time of the newest bar fed to the indicators
int      g_barsSeen         = 0;          // closed bars fed so far (the runtime's bar index + 1)
int      g_warmupBars       = 0;          // bars needed before the first signal may trade
//@tradeloom:deployment
//--- Strategy state (one block per canvas node)
//@tradeloom:globals

//+------------------------------------------------------------------+
//| Resets every strategy state. OnInit also runs after a symbol or  |
//| timeframe change, when globals keep their old values.           |
//+------------------------------------------------------------------+
bool ResetStrategy()
  {
//@tradeloom:reset
   return(true);
  }

//+------------------------------------------------------------------+
//| Feeds one closed bar through the strategy's nodes. Orders are    |
//| only sent when `canTrade` is true (not while warming up).        |
//+------------------------------------------------------------------+
void EvaluateBar(const MqlRates &bar, const bool canTrade)
  {
//@tradeloom:on-bar
  }

//+------------------------------------------------------------------+
int OnInit()
  {
//@tradeloom:validate-inputs
   if(InpLots <= 0.0 || InpMaxDailyLossPct < 0.0 || InpMaxOpenPositions < 0)
     {
      Print("InpLots must be positive; InpMaxDailyLossPct and InpMaxOpenPositions must not be negative");
      return(INIT_PARAMETERS_INCORRECT);
     }
   if(InpHistoryBars < 1)
     {
      Print("InpHistoryBars must be at least 1");
      return(INIT_PARAMETERS_INCORRECT);
     }
   if(!TlSetupTrade(g_trade, InpMagic, InpSlippage))
      return(INIT_FAILED);
   TlGuardrailsInit(g_guardrails, InpMaxDailyLossPct, InpMaxOpenPositions);
   g_lastProcessedBar = 0;
   g_lastFedBar = 0;
   g_warmedUp = false;
   g_barsSeen = 0;
   if(!ResetStrategy())
      return(INIT_FAILED);
//@tradeloom:on-init
   if(g_warmupBars > InpHistoryBars)
      PrintFormat("The strategy needs %d bars of warm-up but InpHistoryBars is %d: it trades once enough new bars have closed",
                  g_warmupBars, InpHistoryBars);
   PrintFormat("%s on %s %s, %s account", MQLInfoString(MQL_PROGRAM_NAME), _Symbol, EnumToString(_Period),
               TlIsHedging() ? "hedging" : "netting");
   return(INIT_SUCCEEDED);
  }

//+------------------------------------------------------------------+
void OnDeinit(const int reason)
  {
//@tradeloom:on-deinit
  }

//+------------------------------------------------------------------+
//| Feeds every closed bar not yet seen, oldest first. The first     |
//| call warms up on up to InpHistoryBars bars without trading.      |
//+------------------------------------------------------------------+
bool ProcessClosedBars()
  {
   int wanted = InpHistoryBars;
   if(g_warmedUp)
     {
      // Shift of the last fed bar = closed bars since it + 1 (shift 0 is the forming bar).
      const int shift = iBarShift(_Symbol, _Period, g_lastFedBar, true);
      wanted = (shift > 0) ? shift : InpHistoryBars;
     }
   MqlRates rates[];
   ArraySetAsSeries(rates, false);               // oldest first, like the TypeScript runtime
   const int copied = CopyRates(_Symbol, _Period, 1, wanted, rates);
   if(copied <= 0)
     {
      PrintFormat("CopyRates failed (error %d); retrying on the next tick", GetLastError());
      return(false);
     }
   for(int i = 0; i < copied; i++)
     {
      if(rates[i].time <= g_lastFedBar)
         continue;                               // already fed on an earlier call
      const bool isNewest = (i == copied - 1);
      g_barsSeen++;
      EvaluateBar(rates[i], g_warmedUp && isNewest && g_barsSeen > g_warmupBars);
      g_lastFedBar = rates[i].time;
     }
   g_warmedUp = true;
   return(true);
  }

//+------------------------------------------------------------------+
//| Acts once per new bar, on closed bars only (shift >= 1). A bar   |
//| is marked processed only after it was evaluated successfully, so |
//| a tick that finds no data is simply retried on the next tick.    |
//+------------------------------------------------------------------+
void OnTick()
  {
   TlGuardrailsCheck(g_guardrails, g_trade, InpMagic);
   const datetime formingBar = iTime(_Symbol, _Period, 0);
   if(formingBar == 0 || formingBar == g_lastProcessedBar)
      return;
   if(!ProcessClosedBars())
      return;
   g_lastProcessedBar = formingBar;
   // Stops trail from the new bar's opening price, after this bar's orders (runtime: checkStops).
   TlManageStops(g_trade);
  }

//@tradeloom:functions
