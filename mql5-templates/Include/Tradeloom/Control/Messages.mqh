//+------------------------------------------------------------------+
//| Tradeloom/Control/Messages.mqh                                   |
//| The EA's messages of protocol version 1: hello (who and where),  |
//| ready (initialised, timer running), heartbeat (state; the reply  |
//| carries a command) and trades (a batch from the outbox).         |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_CONTROL_MESSAGES_MQH
#define TRADELOOM_CONTROL_MESSAGES_MQH

#include <Trade\Trade.mqh>
#include <Tradeloom\Json.mqh>
#include <Tradeloom\Control\State.mqh>
#include <Tradeloom\Control\Outbox.mqh>
#include <Tradeloom\Control\Http.mqh>
#include <Tradeloom\Control\Commands.mqh>

#define TL_TRADES_PER_BATCH 50

//--- "H1" for PERIOD_H1
string TlTimeframeName()
  {
   const string name = EnumToString(_Period);
   return((StringFind(name, "PERIOD_") == 0) ? StringSubstr(name, 7) : name);
  }

string TlMarginModeName()
  {
   const long mode = AccountInfoInteger(ACCOUNT_MARGIN_MODE);
   if(mode == ACCOUNT_MARGIN_MODE_RETAIL_HEDGING)
      return("hedging");
   if(mode == ACCOUNT_MARGIN_MODE_EXCHANGE)
      return("exchange");
   return("netting");
  }

string TlAccountTypeName()
  {
   const long mode = AccountInfoInteger(ACCOUNT_TRADE_MODE);
   if(mode == ACCOUNT_TRADE_MODE_DEMO)
      return("demo");
   if(mode == ACCOUNT_TRADE_MODE_CONTEST)
      return("contest");
   return("real");
  }

//--- the four switches that must all be on for this EA to trade
string TlTradeAllowedJson()
  {
   TlJsonWriter w;
   TlJsonBegin(w);
   TlJsonAddBool(w, "terminal", TerminalInfoInteger(TERMINAL_TRADE_ALLOWED) != 0);   // AutoTrading button
   TlJsonAddBool(w, "program", MQLInfoInteger(MQL_TRADE_ALLOWED) != 0);             // EA's "Allow Algo Trading"
   TlJsonAddBool(w, "account", AccountInfoInteger(ACCOUNT_TRADE_ALLOWED) != 0);
   TlJsonAddBool(w, "expert", AccountInfoInteger(ACCOUNT_TRADE_EXPERT) != 0);
   return(TlJsonEnd(w));
  }

//--- this EA's open positions on the chart symbol
string TlPositionsJson(const long magic)
  {
   string items = "";
   for(int i = PositionsTotal() - 1; i >= 0; i--)
     {
      const ulong ticket = PositionGetTicket(i);
      if(ticket == 0)
         continue;
      if(PositionGetString(POSITION_SYMBOL) != _Symbol || PositionGetInteger(POSITION_MAGIC) != magic)
         continue;
      const bool isBuy = (ENUM_POSITION_TYPE)PositionGetInteger(POSITION_TYPE) == POSITION_TYPE_BUY;
      TlJsonWriter w;
      TlJsonBegin(w);
      TlJsonAddRaw(w, "ticket", TlJsonTicket(ticket));
      TlJsonAddString(w, "type", isBuy ? "buy" : "sell");
      TlJsonAddDouble(w, "volume", PositionGetDouble(POSITION_VOLUME), 8);
      TlJsonAddDouble(w, "priceOpen", PositionGetDouble(POSITION_PRICE_OPEN), _Digits);
      TlJsonAddDouble(w, "sl", PositionGetDouble(POSITION_SL), _Digits);
      TlJsonAddDouble(w, "tp", PositionGetDouble(POSITION_TP), _Digits);
      TlJsonAddDouble(w, "profit", PositionGetDouble(POSITION_PROFIT), 2);
      TlJsonAddDouble(w, "swap", PositionGetDouble(POSITION_SWAP), 2);
      TlJsonAddLong(w, "timeMsc", PositionGetInteger(POSITION_TIME_MSC));
      items += ((items == "") ? "" : ",") + TlJsonEnd(w);
     }
   return("[" + items + "]");
  }

//--- applies the heartbeat interval a reply asks for, within the protocol's bounds
void TlControlSetHeartbeat(const string reply)
  {
   long seconds = 0;
   if(!TlJsonGetLong(reply, "heartbeatSeconds", seconds))
      return;
   if(seconds < TL_MIN_HEARTBEAT_SECONDS)
      seconds = TL_MIN_HEARTBEAT_SECONDS;
   if(seconds > TL_MAX_HEARTBEAT_SECONDS)
      seconds = TL_MAX_HEARTBEAT_SECONDS;
   g_tlControl.heartbeatSeconds = (int)seconds;
  }

//--- the server accepts the deployment again: a halt caused by its refusal (403) ends;
//--- halts it commanded stay until it sends resume
void TlControlLiftRefusal()
  {
   if(g_tlControl.haltReason == TL_HALT_REFUSED)
      TlControlSetHalt(TL_HALT_NONE);
  }

//--- hello: who this EA is and where it runs; the server checks it against the deployment
bool TlControlHello(const long magic)
  {
   TlJsonWriter w;
   TlJsonBegin(w);
   TlJsonAddLong(w, "protocol", TL_PROTOCOL_VERSION);
   TlJsonAddString(w, "deploymentId", g_tlControl.deploymentId);
   TlJsonAddRaw(w, "login", TlJsonTicket((ulong)AccountInfoInteger(ACCOUNT_LOGIN)));
   TlJsonAddString(w, "server", AccountInfoString(ACCOUNT_SERVER));
   TlJsonAddString(w, "company", AccountInfoString(ACCOUNT_COMPANY));
   TlJsonAddString(w, "currency", AccountInfoString(ACCOUNT_CURRENCY));
   TlJsonAddString(w, "accountType", TlAccountTypeName());
   TlJsonAddString(w, "marginMode", TlMarginModeName());
   TlJsonAddLong(w, "terminalBuild", TerminalInfoInteger(TERMINAL_BUILD));
   TlJsonAddRaw(w, "tradeAllowed", TlTradeAllowedJson());
   TlJsonAddString(w, "symbol", _Symbol);
   TlJsonAddString(w, "timeframe", TlTimeframeName());
   TlJsonAddRaw(w, "magic", TlJsonTicket((ulong)magic));
   TlJsonAddString(w, "program", MQLInfoString(MQL_PROGRAM_NAME));
   TlJsonAddString(w, "codeHash", g_tlControl.codeHash);
   TlJsonAddString(w, "contentHash", g_tlControl.contentHash);
   TlJsonAddString(w, "compilerVersion", g_tlControl.compilerVersion);
   TlJsonAddLong(w, "timeGmt", (long)TimeGMT());
   TlJsonAddLong(w, "serverTime", (long)TimeTradeServer());
   string reply = "";
   int retryAfter = 0;
   const int status = TlControlPost("hello", TlJsonEnd(w), reply, retryAfter);
   if(!TlControlAccepted("hello", status, reply, retryAfter))
      return(false);
   TlControlSetHeartbeat(reply);
   TlControlLiftRefusal();
   g_tlControl.phase = TL_PHASE_READY;
   return(true);
  }

//--- ready: initialised, timer running, state restored; the first heartbeat follows at once
bool TlControlReady()
  {
   TlJsonWriter w;
   TlJsonBegin(w);
   TlJsonAddLong(w, "protocol", TL_PROTOCOL_VERSION);
   TlJsonAddBool(w, "halted", g_tlControl.haltReason != TL_HALT_NONE);
   TlJsonAddString(w, "haltReason", TlHaltReasonName(g_tlControl.haltReason));
   TlJsonAddLong(w, "lastCommandId", g_tlControl.lastCommandId);
   TlJsonAddLong(w, "outboxSize", ArraySize(g_tlOutbox));
   TlJsonAddRaw(w, "tradeAllowed", TlTradeAllowedJson());
   TlJsonAddLong(w, "timeGmt", (long)TimeGMT());
   string reply = "";
   int retryAfter = 0;
   const int status = TlControlPost("ready", TlJsonEnd(w), reply, retryAfter);
   if(!TlControlAccepted("ready", status, reply, retryAfter))
      return(false);
   g_tlControl.phase = TL_PHASE_RUNNING;
   g_tlControl.nextHeartbeatMs = 0;
   return(true);
  }

//--- heartbeat: the EA's state; runs the command in the reply
bool TlControlHeartbeat(CTrade &trade, const long magic, const datetime lastBar, const bool guardrailBreached)
  {
   g_tlControl.heartbeatSeq++;
   TlJsonWriter w;
   TlJsonBegin(w);
   TlJsonAddLong(w, "seq", g_tlControl.heartbeatSeq);
   TlJsonAddLong(w, "serverTime", (long)TimeTradeServer());
   TlJsonAddLong(w, "timeGmt", (long)TimeGMT());
   TlJsonAddDouble(w, "equity", AccountInfoDouble(ACCOUNT_EQUITY), 2);
   TlJsonAddDouble(w, "balance", AccountInfoDouble(ACCOUNT_BALANCE), 2);
   TlJsonAddDouble(w, "margin", AccountInfoDouble(ACCOUNT_MARGIN), 2);
   TlJsonAddDouble(w, "freeMargin", AccountInfoDouble(ACCOUNT_MARGIN_FREE), 2);
   TlJsonAddRaw(w, "positions", TlPositionsJson(magic));
   TlJsonAddLong(w, "lastBarTime", (long)lastBar);
   TlJsonAddBool(w, "halted", g_tlControl.haltReason != TL_HALT_NONE);
   TlJsonAddString(w, "haltReason", TlHaltReasonName(g_tlControl.haltReason));
   TlJsonAddBool(w, "dailyLossBreached", guardrailBreached);
   TlJsonAddBool(w, "tradeAllowed", TerminalInfoInteger(TERMINAL_TRADE_ALLOWED) != 0 &&
                 MQLInfoInteger(MQL_TRADE_ALLOWED) != 0);
   if(g_tlControl.lastError == "")
      TlJsonAddRaw(w, "lastError", "null");
   else
     {
      TlJsonWriter error;
      TlJsonBegin(error);
      TlJsonAddString(error, "message", g_tlControl.lastError);
      TlJsonAddLong(error, "timeGmt", g_tlControl.lastErrorTime);
      TlJsonAddRaw(w, "lastError", TlJsonEnd(error));
     }
   TlJsonAddLong(w, "outboxSize", ArraySize(g_tlOutbox));
   TlJsonAddLong(w, "lastCommandId", g_tlControl.lastCommandId);
   string reply = "";
   int retryAfter = 0;
   const int status = TlControlPost("heartbeat", TlJsonEnd(w), reply, retryAfter);
   if(!TlControlAccepted("heartbeat", status, reply, retryAfter))
      return(false);
   const ulong now = TlControlNowMs();
   g_tlControl.lastHeartbeatOkMs = now;
   TlControlSetHeartbeat(reply);
   TlControlLiftRefusal();
   g_tlControl.nextHeartbeatMs = now + (ulong)g_tlControl.heartbeatSeconds * 1000;
   long commandId = 0;
   string command = "run";
   if(TlJsonGetLong(reply, "commandId", commandId) && TlJsonGetString(reply, "command", command))
      TlControlHandleCommand(trade, magic, commandId, command);
   return(true);
  }

//--- sends the oldest reports of the outbox; true when the server took them
bool TlControlSendTrades()
  {
   const int size = ArraySize(g_tlOutbox);
   const int count = (size < TL_TRADES_PER_BATCH) ? size : TL_TRADES_PER_BATCH;
   if(count == 0)
      return(true);
   string body = "{\"reports\":[";
   for(int i = 0; i < count; i++)
      body += ((i > 0) ? "," : "") + g_tlOutbox[i];
   body += "]}";
   string reply = "";
   int retryAfter = 0;
   const int status = TlControlPost("trades", body, reply, retryAfter);
   if(status == 400 || status == 413 || status == 422)
     {
      // The server will never take this batch as it is: set it aside instead of blocking the outbox.
      string code = "";
      string message = "";
      TlControlErrorBody(reply, code, message);
      for(int i = 0; i < count; i++)
         TlOutboxSetAside(g_tlOutbox[i], "");
      TlOutboxDrop(count);
      TlControlNoteError(StringFormat("trades: HTTP %d %s %s", status, code, message));
      PrintFormat("Tradeloom: the server refused %d trade report(s) (HTTP %d %s %s); they were set aside in %s "
                  "(common data folder)", count, status, code, message, g_tlControl.rejectedFile);
      return(false);
     }
   if(!TlControlAccepted("trades", status, reply, retryAfter))
      return(false);
   TlOutboxDrop(count);
   return(true);
  }

#endif
