//+------------------------------------------------------------------+
//| Tradeloom/Control/Reports.mqh                                    |
//| Trade reports for execution quality. TlTrackedTrade times every  |
//| request this EA sends and remembers its requested price; each    |
//| deal of this EA (TRADE_TRANSACTION_DEAL_ADD, filtered by magic   |
//| and symbol) is then queued with its slippage, spread, latency    |
//| and retcode. A request that fails never becomes a deal, so it is |
//| queued as a "rejected" report of its own.                        |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_CONTROL_REPORTS_MQH
#define TRADELOOM_CONTROL_REPORTS_MQH

#include <Trade\Trade.mqh>
#include <Tradeloom\Json.mqh>
#include <Tradeloom\Control\State.mqh>
#include <Tradeloom\Control\Outbox.mqh>

#define TL_SEND_RECORDS  32   // requests remembered until their deals arrive
#define TL_RECENT_DEALS  64   // deals already queued in this run

//--- what was asked for and how long the trade server took, per market order
struct TlSendRecord
  {
   ulong             order;
   double            requestedPrice;
   int               spreadPoints;
   double            latencyMs;
   uint              retcode;
  };

TlSendRecord g_tlSends[TL_SEND_RECORDS];
int          g_tlSendNext = 0;
ulong        g_tlRecentDeals[TL_RECENT_DEALS];
int          g_tlRecentNext = 0;

string TlOrderSideName(const ENUM_ORDER_TYPE type)
  {
   return((type == ORDER_TYPE_BUY) ? "buy" : (type == ORDER_TYPE_SELL) ? "sell" : "other");
  }

//--- the report of a request the trade server refused or that failed before reaching it
string TlRejectedReport(const MqlTradeRequest &request, const MqlTradeResult &result, const int spreadPoints,
                        const double latencyMs)
  {
   TlJsonWriter w;
   TlJsonBegin(w);
   TlJsonAddString(w, "kind", "rejected");
   // Unique per deployment: seconds since 1970 and microseconds since the EA started.
   TlJsonAddString(w, "key", StringFormat("%I64d-%I64u", (long)TimeGMT(), GetMicrosecondCount()));
   TlJsonAddLong(w, "timeMsc", (long)TimeTradeServer() * 1000);
   TlJsonAddString(w, "symbol", request.symbol);
   TlJsonAddRaw(w, "magic", TlJsonTicket(request.magic));
   TlJsonAddString(w, "type", TlOrderSideName(request.type));
   TlJsonAddString(w, "action", (request.position > 0) ? "close" : "open");
   TlJsonAddRaw(w, "position", (request.position > 0) ? TlJsonTicket(request.position) : "null");
   TlJsonAddDouble(w, "volume", request.volume, 8);
   TlJsonAddDouble(w, "requestedPrice", request.price, _Digits);
   TlJsonAddLong(w, "spreadPoints", spreadPoints);
   TlJsonAddDouble(w, "latencyMs", latencyMs, 3);
   TlJsonAddLong(w, "retcode", result.retcode);
   TlJsonAddString(w, "message", result.comment);
   return(TlJsonEnd(w));
  }

//--- called by TlTrackedTrade after every request of this EA
void TlRecordSend(const MqlTradeRequest &request, const MqlTradeResult &result, const bool sent,
                  const int spreadPoints, const double latencyMs)
  {
   if(!g_tlControl.enabled)
      return;
   const bool done = sent && (result.retcode == TRADE_RETCODE_DONE || result.retcode == TRADE_RETCODE_DONE_PARTIAL ||
                              result.retcode == TRADE_RETCODE_PLACED);
   if(request.action != TRADE_ACTION_DEAL)
     {
      if(!done)                                  // a stop that could not move is news, not a trade
         TlControlNoteError(StringFormat("request %d refused: %u %s", (int)request.action, result.retcode, result.comment));
      return;
     }
   if(!done)
     {
      TlOutboxEnqueue(TlRejectedReport(request, result, spreadPoints, latencyMs));
      TlControlNoteError(StringFormat("%s %.2f lots refused: %u %s", TlOrderSideName(request.type), request.volume,
                                      result.retcode, result.comment));
      return;
     }
   TlSendRecord record;
   record.order = result.order;
   record.requestedPrice = request.price;
   record.spreadPoints = spreadPoints;
   record.latencyMs = latencyMs;
   record.retcode = result.retcode;
   g_tlSends[g_tlSendNext] = record;
   g_tlSendNext = (g_tlSendNext + 1) % TL_SEND_RECORDS;
  }

//--- CTrade that times each request. Every Tradeloom helper takes `CTrade &` and CTrade sends
//--- everything through its virtual OrderSend, so entries, exits, guardrail closes and close_all
//--- all pass through here.
class TlTrackedTrade : public CTrade
  {
public:
   virtual bool      OrderSend(const MqlTradeRequest &request, MqlTradeResult &result)
     {
      const int spreadPoints = (int)SymbolInfoInteger(request.symbol, SYMBOL_SPREAD);
      const ulong started = GetMicrosecondCount();
      const bool sent = CTrade::OrderSend(request, result);
      const double latencyMs = (double)(GetMicrosecondCount() - started) / 1000.0;
      TlRecordSend(request, result, sent, spreadPoints, latencyMs);
      return(sent);
     }
  };

//--- the send record of an order, or -1 (deals by stop loss, take profit or a person have none)
int TlFindSend(const ulong order)
  {
   if(order == 0)
      return(-1);
   for(int i = 0; i < TL_SEND_RECORDS; i++)
      if(g_tlSends[i].order == order)
         return(i);
   return(-1);
  }

string TlDealEntryName(const long entry)
  {
   switch((int)entry)
     {
      case DEAL_ENTRY_IN:
         return("in");
      case DEAL_ENTRY_OUT:
         return("out");
      case DEAL_ENTRY_INOUT:
         return("inout");
      case DEAL_ENTRY_OUT_BY:
         return("out_by");
     }
   return("other");
  }

string TlDealReasonName(const long reason)
  {
   switch((int)reason)
     {
      case DEAL_REASON_CLIENT:
         return("client");
      case DEAL_REASON_MOBILE:
         return("mobile");
      case DEAL_REASON_WEB:
         return("web");
      case DEAL_REASON_EXPERT:
         return("expert");
      case DEAL_REASON_SL:
         return("sl");
      case DEAL_REASON_TP:
         return("tp");
      case DEAL_REASON_SO:
         return("stop_out");
     }
   return("other");
  }

//--- the report of one deal; the deal must be in the selected history
string TlDealReport(const ulong deal)
  {
   const ulong order = (ulong)HistoryDealGetInteger(deal, DEAL_ORDER);
   const long type = HistoryDealGetInteger(deal, DEAL_TYPE);
   const double price = HistoryDealGetDouble(deal, DEAL_PRICE);
   const int side = (type == DEAL_TYPE_BUY) ? 1 : -1;
   const int record = TlFindSend(order);
   TlJsonWriter w;
   TlJsonBegin(w);
   TlJsonAddString(w, "kind", "deal");
   TlJsonAddRaw(w, "deal", TlJsonTicket(deal));
   TlJsonAddRaw(w, "order", TlJsonTicket(order));
   TlJsonAddRaw(w, "position", TlJsonTicket((ulong)HistoryDealGetInteger(deal, DEAL_POSITION_ID)));
   TlJsonAddLong(w, "timeMsc", HistoryDealGetInteger(deal, DEAL_TIME_MSC));
   TlJsonAddString(w, "symbol", HistoryDealGetString(deal, DEAL_SYMBOL));
   TlJsonAddRaw(w, "magic", TlJsonTicket((ulong)HistoryDealGetInteger(deal, DEAL_MAGIC)));
   TlJsonAddString(w, "type", (type == DEAL_TYPE_BUY) ? "buy" : (type == DEAL_TYPE_SELL) ? "sell" : "other");
   TlJsonAddString(w, "entry", TlDealEntryName(HistoryDealGetInteger(deal, DEAL_ENTRY)));
   TlJsonAddString(w, "reason", TlDealReasonName(HistoryDealGetInteger(deal, DEAL_REASON)));
   TlJsonAddDouble(w, "volume", HistoryDealGetDouble(deal, DEAL_VOLUME), 8);
   TlJsonAddDouble(w, "price", price, _Digits);
   if(record >= 0 && g_tlSends[record].requestedPrice > 0.0)
     {
      // Positive slippage is against the trader: a buy filled higher or a sell lower than asked.
      const double slippage = side * (price - g_tlSends[record].requestedPrice) / _Point;
      TlJsonAddDouble(w, "requestedPrice", g_tlSends[record].requestedPrice, _Digits);
      TlJsonAddDouble(w, "slippagePoints", slippage, 1);
     }
   else
     {
      TlJsonAddRaw(w, "requestedPrice", "null");
      TlJsonAddRaw(w, "slippagePoints", "null");
     }
   if(record >= 0)
     {
      TlJsonAddLong(w, "spreadPoints", g_tlSends[record].spreadPoints);
      TlJsonAddDouble(w, "latencyMs", g_tlSends[record].latencyMs, 3);
      TlJsonAddLong(w, "retcode", g_tlSends[record].retcode);
     }
   else
     {
      TlJsonAddLong(w, "spreadPoints", SymbolInfoInteger(_Symbol, SYMBOL_SPREAD));   // when the EA saw the deal
      TlJsonAddRaw(w, "latencyMs", "null");
      TlJsonAddRaw(w, "retcode", "null");
     }
   TlJsonAddDouble(w, "profit", HistoryDealGetDouble(deal, DEAL_PROFIT), 2);
   TlJsonAddDouble(w, "commission", HistoryDealGetDouble(deal, DEAL_COMMISSION), 2);
   TlJsonAddDouble(w, "swap", HistoryDealGetDouble(deal, DEAL_SWAP), 2);
   TlJsonAddDouble(w, "fee", HistoryDealGetDouble(deal, DEAL_FEE), 2);
   TlJsonAddString(w, "comment", HistoryDealGetString(deal, DEAL_COMMENT));
   return(TlJsonEnd(w));
  }

//--- queues a deal of this EA once per run (the server de-duplicates across runs by ticket)
void TlQueueDeal(const ulong deal, const long magic)
  {
   if(HistoryDealGetString(deal, DEAL_SYMBOL) != _Symbol || HistoryDealGetInteger(deal, DEAL_MAGIC) != magic)
      return;
   for(int i = 0; i < TL_RECENT_DEALS; i++)
      if(g_tlRecentDeals[i] == deal)
         return;
   TlOutboxEnqueue(TlDealReport(deal));
   g_tlRecentDeals[g_tlRecentNext] = deal;
   g_tlRecentNext = (g_tlRecentNext + 1) % TL_RECENT_DEALS;
   const double timeMsc = (double)HistoryDealGetInteger(deal, DEAL_TIME_MSC);
   if(timeMsc > g_tlControl.dealWatermarkMsc)
     {
      g_tlControl.dealWatermarkMsc = timeMsc;
      TlControlSave("deal", timeMsc);
     }
  }

//--- queues this EA's deals since the watermark: deals made while the EA was not running
//--- (a stop hit overnight) or that OnTradeTransaction could not select yet
void TlScanDeals(const long magic)
  {
   const long fromSeconds = (long)(g_tlControl.dealWatermarkMsc / 1000.0);
   if(!HistorySelect((datetime)fromSeconds, TimeCurrent() + 86400))
      return;                                    // keep rescanDeals: try again next tick
   const int total = HistoryDealsTotal();
   for(int i = 0; i < total; i++)
     {
      const ulong deal = HistoryDealGetTicket(i);
      if(deal == 0 || (double)HistoryDealGetInteger(deal, DEAL_TIME_MSC) < g_tlControl.dealWatermarkMsc)
         continue;
      TlQueueDeal(deal, magic);
     }
   g_tlControl.rescanDeals = false;
  }

//--- OnTradeTransaction: queue each new deal of this EA
void TlControlOnTradeTransaction(const MqlTradeTransaction &trans, const long magic)
  {
   if(!g_tlControl.enabled || trans.type != TRADE_TRANSACTION_DEAL_ADD)
      return;
   if(!HistoryDealSelect(trans.deal))
     {
      g_tlControl.rescanDeals = true;            // not in the terminal's history yet
      return;
     }
   TlQueueDeal(trans.deal, magic);
  }

#endif
