//+------------------------------------------------------------------+
//| TradeloomSymbolExport.mq5                                        |
//| Writes the contract specifications of every symbol in Market     |
//| Watch to one JSON file that Tradeloom imports as the account's   |
//| symbol catalogue (Accounts -> Import symbols). Run it once on a   |
//| chart of the account to export; it changes nothing and sends    |
//| nothing. The file goes to the terminals' common data folder:     |
//|   <Common>\Files\tradeloom-symbols-<login>.json                  |
//| and the Experts log prints the full path.                        |
//| Format: "tradeloom-symbols" version 1 (runtime/src/symbols/      |
//| import-catalogue.ts in the Tradeloom repository reads it).       |
//+------------------------------------------------------------------+
#property copyright   "Tradeloom"
#property version     "1.00"
#property description "Exports the Market Watch symbols' contract specifications for Tradeloom."
#property description "Writes tradeloom-symbols-<login>.json to the common data folder (Files)."

#define TL_EXPORT_FORMAT       "tradeloom-symbols"
#define TL_EXPORT_VERSION      1
#define TL_EXPORT_DIGITS       12   // decimals written for doubles (tick values can be long)

//--- a JSON string literal for `value`: quotes, backslashes and control characters escaped, and
//--- every character outside printable ASCII as \uXXXX, so the file is pure ASCII in any code page
string TlExportQuote(const string value)
  {
   string out = "\"";
   const int length = StringLen(value);
   for(int i = 0; i < length; i++)
     {
      const ushort c = StringGetCharacter(value, i);
      if(c == '"')
         out += "\\\"";
      else if(c == '\\')
         out += "\\\\";
      else if(c == '\n')
         out += "\\n";
      else if(c == '\r')
         out += "\\r";
      else if(c == '\t')
         out += "\\t";
      else if(c < 0x20 || c > 0x7E)
         out += StringFormat("\\u%04x", (int)c);   // UTF-16 units, surrogate pairs as two escapes
      else
         out += ShortToString(c);
     }
   return(out + "\"");
  }

//--- a JSON number without trailing zeros; null when MT5 has no valid value
string TlExportNumber(const double value)
  {
   if(!MathIsValidNumber(value))
      return("null");
   string text = DoubleToString(value, TL_EXPORT_DIGITS);
   if(StringFind(text, ".") < 0)
      return(text);
   int end = StringLen(text);
   while(end > 0 && StringGetCharacter(text, end - 1) == '0')
      end--;
   if(end > 0 && StringGetCharacter(text, end - 1) == '.')
      end--;
   return(StringSubstr(text, 0, end));
  }

//--- `"name": value` for the members below
string TlExportMember(const string name, const string jsonValue)
  {
   return(TlExportQuote(name) + ": " + jsonValue);
  }

//--- ACCOUNT_MARGIN_MODE as Tradeloom names it
string TlExportMarginMode()
  {
   const long mode = AccountInfoInteger(ACCOUNT_MARGIN_MODE);
   if(mode == ACCOUNT_MARGIN_MODE_RETAIL_HEDGING)
      return("hedging");
   if(mode == ACCOUNT_MARGIN_MODE_EXCHANGE)
      return("exchange");
   return("netting");
  }

//--- now on the UTC clock as ISO 8601 (2026-01-05T10:00:00Z)
string TlExportTimeUtc()
  {
   const datetime now = TimeGMT();
   const string date = TimeToString(now, TIME_DATE);   // yyyy.mm.dd
   return(StringSubstr(date, 0, 4) + "-" + StringSubstr(date, 5, 2) + "-" + StringSubstr(date, 8, 2) +
          "T" + TimeToString(now, TIME_SECONDS) + "Z");
  }

//--- one symbol's properties as a JSON object
string TlExportSymbol(const string name)
  {
   string json = "    {";
   json += TlExportMember("name", TlExportQuote(name)) + ", ";
   json += TlExportMember("description", TlExportQuote(SymbolInfoString(name, SYMBOL_DESCRIPTION))) + ", ";
   json += TlExportMember("digits", IntegerToString(SymbolInfoInteger(name, SYMBOL_DIGITS))) + ", ";
   json += TlExportMember("point", TlExportNumber(SymbolInfoDouble(name, SYMBOL_POINT))) + ", ";
   json += TlExportMember("tickSize", TlExportNumber(SymbolInfoDouble(name, SYMBOL_TRADE_TICK_SIZE))) + ", ";
   json += TlExportMember("tickValue", TlExportNumber(SymbolInfoDouble(name, SYMBOL_TRADE_TICK_VALUE))) + ", ";
   json += TlExportMember("contractSize", TlExportNumber(SymbolInfoDouble(name, SYMBOL_TRADE_CONTRACT_SIZE))) + ", ";
   json += TlExportMember("volumeMin", TlExportNumber(SymbolInfoDouble(name, SYMBOL_VOLUME_MIN))) + ", ";
   json += TlExportMember("volumeMax", TlExportNumber(SymbolInfoDouble(name, SYMBOL_VOLUME_MAX))) + ", ";
   json += TlExportMember("volumeStep", TlExportNumber(SymbolInfoDouble(name, SYMBOL_VOLUME_STEP))) + ", ";
   json += TlExportMember("spread", IntegerToString(SymbolInfoInteger(name, SYMBOL_SPREAD))) + ", ";
   json += TlExportMember("stopsLevel", IntegerToString(SymbolInfoInteger(name, SYMBOL_TRADE_STOPS_LEVEL))) + ", ";
   json += TlExportMember("currencyBase", TlExportQuote(SymbolInfoString(name, SYMBOL_CURRENCY_BASE))) + ", ";
   json += TlExportMember("currencyProfit", TlExportQuote(SymbolInfoString(name, SYMBOL_CURRENCY_PROFIT))) + ", ";
   json += TlExportMember("currencyMargin", TlExportQuote(SymbolInfoString(name, SYMBOL_CURRENCY_MARGIN)));
   return(json + "}");
  }

//--- the account the symbols belong to
string TlExportAccount(const long login)
  {
   string json = "{";
   json += TlExportMember("login", TlExportQuote(IntegerToString(login))) + ", ";
   json += TlExportMember("server", TlExportQuote(AccountInfoString(ACCOUNT_SERVER))) + ", ";
   json += TlExportMember("company", TlExportQuote(AccountInfoString(ACCOUNT_COMPANY))) + ", ";
   json += TlExportMember("currency", TlExportQuote(AccountInfoString(ACCOUNT_CURRENCY))) + ", ";
   json += TlExportMember("marginMode", TlExportQuote(TlExportMarginMode()));
   return(json + "}");
  }

void OnStart()
  {
   const long login = AccountInfoInteger(ACCOUNT_LOGIN);
   if(login == 0)
     {
      Print("Tradeloom symbol export: no trading account is logged in; log in and run the script again.");
      return;
     }
   const int total = SymbolsTotal(true);
   if(total == 0)
     {
      Print("Tradeloom symbol export: Market Watch is empty; show the symbols you trade (Ctrl+M) and run it again.");
      return;
     }

   string json = "{\n";
   json += "  " + TlExportMember("format", TlExportQuote(TL_EXPORT_FORMAT)) + ",\n";
   json += "  " + TlExportMember("version", IntegerToString(TL_EXPORT_VERSION)) + ",\n";
   json += "  " + TlExportMember("exportedAt", TlExportQuote(TlExportTimeUtc())) + ",\n";
   json += "  " + TlExportMember("account", TlExportAccount(login)) + ",\n";
   json += "  \"symbols\": [\n";
   int withoutTickValue = 0;
   for(int i = 0; i < total; i++)
     {
      const string name = SymbolName(i, true);
      if(SymbolInfoDouble(name, SYMBOL_TRADE_TICK_VALUE) <= 0.0)
        {
         // MT5 reports 0 until the symbol has quotes; Tradeloom will refuse such a symbol.
         PrintFormat("Tradeloom symbol export: %s has no tick value yet (no prices); open its chart and export again.",
                     name);
         withoutTickValue++;
        }
      json += TlExportSymbol(name) + ((i + 1 < total) ? ",\n" : "\n");
     }
   json += "  ]\n}\n";

   const string fileName = "tradeloom-symbols-" + IntegerToString(login) + ".json";
   ResetLastError();
   const int handle = FileOpen(fileName, FILE_WRITE | FILE_TXT | FILE_ANSI | FILE_COMMON);
   if(handle == INVALID_HANDLE)
     {
      PrintFormat("Tradeloom symbol export: cannot write %s in the common data folder (error %d).", fileName,
                  GetLastError());
      return;
     }
   FileWriteString(handle, json);
   FileClose(handle);
   PrintFormat("Tradeloom symbol export: %d symbols of account %I64d written to %s\\Files\\%s (%d without a tick value).",
               total, login, TerminalInfoString(TERMINAL_COMMONDATA_PATH), fileName, withoutTickValue);
  }
//+------------------------------------------------------------------+
