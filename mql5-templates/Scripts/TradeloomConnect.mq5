//+------------------------------------------------------------------+
//| TradeloomConnect.mq5                                             |
//| Connects this terminal's trading account to a Tradeloom account: |
//| run it once (drag it onto any chart). It sends one hello with    |
//| the account's login, server, currency and margin mode, so        |
//| Tradeloom knows a live terminal runs this account, and prints    |
//| the answer in the Experts log. The server fills the constants    |
//| below when you download the script; the token inside is for this |
//| account only and is never printed.                               |
//+------------------------------------------------------------------+
#property copyright   "Tradeloom"
#property version     "1.00"
#property description "Connects this terminal's account to Tradeloom (one request)."
#property description "Allow WebRequest for __TRADELOOM_WHITELIST_URL__ under Tools > Options > Expert Advisors first."

#include <Tradeloom\Json.mqh>

//--- filled by the Tradeloom server at download
#define TL_CONNECT_SERVER_URL    "__TRADELOOM_SERVER_URL__"
#define TL_CONNECT_WHITELIST_URL "__TRADELOOM_WHITELIST_URL__"
#define TL_CONNECT_ACCOUNT_ID    "__TRADELOOM_ACCOUNT_ID__"
#define TL_CONNECT_ACCOUNT_TOKEN "__TRADELOOM_ACCOUNT_TOKEN__"
#define TL_CONNECT_LOGIN         "__TRADELOOM_LOGIN__"

#define TL_CONNECT_TIMEOUT_MS    5000
#define TL_CONNECT_NOT_ALLOWED   4014   // WebRequest: the URL is not in the allowed list

//--- ACCOUNT_MARGIN_MODE as the protocol names it
string TlConnectMarginMode()
  {
   const long mode = AccountInfoInteger(ACCOUNT_MARGIN_MODE);
   if(mode == ACCOUNT_MARGIN_MODE_RETAIL_HEDGING)
      return("hedging");
   if(mode == ACCOUNT_MARGIN_MODE_EXCHANGE)
      return("exchange");
   return("netting");
  }

//--- the hello body: who this terminal is and what it may do
string TlConnectHelloBody(const long login)
  {
   TlJsonWriter allowed;
   TlJsonBegin(allowed);
   TlJsonAddBool(allowed, "terminal", TerminalInfoInteger(TERMINAL_TRADE_ALLOWED) != 0);
   TlJsonAddBool(allowed, "program", MQLInfoInteger(MQL_TRADE_ALLOWED) != 0);
   TlJsonAddBool(allowed, "account", AccountInfoInteger(ACCOUNT_TRADE_ALLOWED) != 0);
   TlJsonAddBool(allowed, "expert", AccountInfoInteger(ACCOUNT_TRADE_EXPERT) != 0);

   TlJsonWriter w;
   TlJsonBegin(w);
   TlJsonAddLong(w, "protocol", 1);
   TlJsonAddString(w, "login", IntegerToString(login));
   TlJsonAddString(w, "server", AccountInfoString(ACCOUNT_SERVER));
   TlJsonAddString(w, "company", AccountInfoString(ACCOUNT_COMPANY));
   TlJsonAddString(w, "currency", AccountInfoString(ACCOUNT_CURRENCY));
   TlJsonAddString(w, "marginMode", TlConnectMarginMode());
   TlJsonAddLong(w, "terminalBuild", TerminalInfoInteger(TERMINAL_BUILD));
   TlJsonAddRaw(w, "tradeAllowed", TlJsonEnd(allowed));
   TlJsonAddLong(w, "timeGmt", (long)TimeGMT());
   return(TlJsonEnd(w));
  }

void OnStart()
  {
   const long login = AccountInfoInteger(ACCOUNT_LOGIN);
   if(login == 0)
     {
      Print("Tradeloom: no trading account is logged in; log in to account ", TL_CONNECT_LOGIN,
            " and run the script again.");
      return;
     }
   if(IntegerToString(login) != TL_CONNECT_LOGIN)
      PrintFormat("Tradeloom: this terminal is logged in to account %I64d, but the script was made for account %s; "
                  "the server will refuse it.", login, TL_CONNECT_LOGIN);

   char data[];
   char result[];
   string responseHeaders = "";
   const string body = TlConnectHelloBody(login);
   const int size = StringToCharArray(body, data, 0, WHOLE_ARRAY, CP_UTF8);
   ArrayResize(data, (size > 0) ? size - 1 : 0);   // StringToCharArray adds a 0 byte: not part of the body
   const string headers = "Authorization: Bearer " + TL_CONNECT_ACCOUNT_TOKEN + "\r\n" +
                          "Content-Type: application/json\r\nAccept: application/json\r\n";
   const string url = TL_CONNECT_SERVER_URL + "/api/ea/v1/accounts/" + TL_CONNECT_ACCOUNT_ID + "/hello";

   ResetLastError();
   const int status = WebRequest("POST", url, headers, TL_CONNECT_TIMEOUT_MS, data, result, responseHeaders);
   if(status == -1)
     {
      const int error = GetLastError();
      if(error == TL_CONNECT_NOT_ALLOWED)
         PrintFormat("Tradeloom: WebRequest is not allowed for %s. Add it in Tools > Options > Expert Advisors > "
                     "\"Allow WebRequest for listed URL\", then run this script again.", TL_CONNECT_WHITELIST_URL);
      else
         PrintFormat("Tradeloom: no answer from %s (error %d); check the address and your connection.",
                     TL_CONNECT_WHITELIST_URL, error);
      return;
     }

   const string reply = (ArraySize(result) > 0) ? CharArrayToString(result, 0, WHOLE_ARRAY, CP_UTF8) : "";
   string message = "";
   if(status >= 200 && status < 300)
     {
      TlJsonGetString(reply, "message", message);
      PrintFormat("Tradeloom: account %I64d connected. %s", login, message);
      return;
     }
   string error = "";
   string code = "";
   if(TlJsonGetObject(reply, "error", error))
     {
      TlJsonGetString(error, "code", code);
      TlJsonGetString(error, "message", message);
     }
   PrintFormat("Tradeloom: the server refused the connection (HTTP %d %s): %s", status, code, message);
  }
//+------------------------------------------------------------------+
