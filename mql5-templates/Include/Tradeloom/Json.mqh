//+------------------------------------------------------------------+
//| Tradeloom/Json.mqh                                               |
//| Just enough JSON for the EA control protocol, version 1          |
//| (docs/ea-protocol.md in the Tradeloom repository):               |
//|  - a writer that builds one object at a time. Every string is    |
//|    escaped, and every character outside printable ASCII becomes  |
//|    \uXXXX, so request bodies and outbox lines are pure ASCII and |
//|    survive any code page;                                        |
//|  - a reader that finds one member of an object by name and       |
//|    decodes strings, numbers and booleans. Nested objects come    |
//|    back as raw text for a second lookup (error bodies).          |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_JSON_MQH
#define TRADELOOM_JSON_MQH

//--- one JSON object under construction: TlJsonBegin, TlJsonAdd..., TlJsonEnd
struct TlJsonWriter
  {
   string            text;
   int               members;
  };

//--- a JSON string literal for `value`, quotes included
string TlJsonQuote(const string value)
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
         out += StringFormat("\\u%04x", (int)c);   // control characters and all non-ASCII (UTF-16 units)
      else
         out += ShortToString(c);
     }
   return(out + "\"");
  }

//--- a JSON number with at most `digits` decimals, trailing zeros dropped; null when not a number
string TlJsonNumber(const double value, const int digits)
  {
   if(!MathIsValidNumber(value) || value == EMPTY_VALUE || value == -EMPTY_VALUE)
      return("null");
   string text = DoubleToString(value, digits);
   if(StringFind(text, ".") < 0)
      return(text);
   int end = StringLen(text);
   while(end > 0 && StringGetCharacter(text, end - 1) == '0')
      end--;
   if(end > 0 && StringGetCharacter(text, end - 1) == '.')
      end--;
   text = StringSubstr(text, 0, end);
   return((text == "-0") ? "0" : text);
  }

//--- a 64-bit ticket or login as a JSON string: JavaScript numbers stop being exact at 2^53
string TlJsonTicket(const ulong ticket)
  {
   return("\"" + StringFormat("%I64u", ticket) + "\"");
  }

void TlJsonBegin(TlJsonWriter &w)
  {
   w.text = "{";
   w.members = 0;
  }

//--- adds a member whose value is already JSON (a number, an object, an array, true, false, null)
void TlJsonAddRaw(TlJsonWriter &w, const string name, const string json)
  {
   if(w.members > 0)
      w.text += ",";
   w.text += TlJsonQuote(name) + ":" + json;
   w.members++;
  }

void TlJsonAddString(TlJsonWriter &w, const string name, const string value)
  {
   TlJsonAddRaw(w, name, TlJsonQuote(value));
  }

void TlJsonAddLong(TlJsonWriter &w, const string name, const long value)
  {
   TlJsonAddRaw(w, name, IntegerToString(value));
  }

void TlJsonAddDouble(TlJsonWriter &w, const string name, const double value, const int digits)
  {
   TlJsonAddRaw(w, name, TlJsonNumber(value, digits));
  }

void TlJsonAddBool(TlJsonWriter &w, const string name, const bool value)
  {
   TlJsonAddRaw(w, name, value ? "true" : "false");
  }

string TlJsonEnd(const TlJsonWriter &w)
  {
   return(w.text + "}");
  }

//--- index of the first character at or after `i` that is not JSON whitespace
int TlJsonSkipSpace(const string json, int i)
  {
   const int length = StringLen(json);
   while(i < length)
     {
      const ushort c = StringGetCharacter(json, i);
      if(c != ' ' && c != '\t' && c != '\r' && c != '\n')
         break;
      i++;
     }
   return(i);
  }

//--- index just past the string literal whose opening quote is at `start`; -1 if unterminated
int TlJsonSkipString(const string json, const int start)
  {
   const int length = StringLen(json);
   for(int i = start + 1; i < length; i++)
     {
      const ushort c = StringGetCharacter(json, i);
      if(c == '\\')
         i++;                                    // the escaped character cannot end the string
      else if(c == '"')
         return(i + 1);
     }
   return(-1);
  }

//--- index just past the value that starts at `start` (string, object, array, number or literal); -1 if malformed
int TlJsonSkipValue(const string json, const int start)
  {
   const int length = StringLen(json);
   if(start >= length)
      return(-1);
   const ushort first = StringGetCharacter(json, start);
   if(first == '"')
      return(TlJsonSkipString(json, start));
   if(first == '{' || first == '[')
     {
      int depth = 0;
      for(int i = start; i < length; i++)
        {
         const ushort c = StringGetCharacter(json, i);
         if(c == '"')
           {
            const int end = TlJsonSkipString(json, i);
            if(end < 0)
               return(-1);
            i = end - 1;                         // brackets inside strings do not count
           }
         else if(c == '{' || c == '[')
            depth++;
         else if(c == '}' || c == ']')
           {
            depth--;
            if(depth == 0)
               return(i + 1);
           }
        }
      return(-1);
     }
   int i = start;
   while(i < length)
     {
      const ushort c = StringGetCharacter(json, i);
      if(c == ',' || c == '}' || c == ']' || c == ' ' || c == '\t' || c == '\r' || c == '\n')
         break;
      i++;
     }
   return((i > start) ? i : -1);
  }

//--- the value of a JSON hex digit, or -1
int TlJsonHexDigit(const ushort c)
  {
   if(c >= '0' && c <= '9')
      return(c - '0');
   if(c >= 'a' && c <= 'f')
      return(c - 'a' + 10);
   if(c >= 'A' && c <= 'F')
      return(c - 'A' + 10);
   return(-1);
  }

//--- decodes a string literal (quotes included); false when it is not a well-formed JSON string
bool TlJsonUnquote(const string literal, string &value)
  {
   const int length = StringLen(literal);
   value = "";
   if(length < 2 || StringGetCharacter(literal, 0) != '"' || StringGetCharacter(literal, length - 1) != '"')
      return(false);
   const int last = length - 1;                  // index of the closing quote
   for(int i = 1; i < last; i++)
     {
      ushort c = StringGetCharacter(literal, i);
      if(c != '\\')
        {
         value += ShortToString(c);
         continue;
        }
      i++;
      if(i >= last)
         return(false);
      c = StringGetCharacter(literal, i);
      if(c == '"' || c == '\\' || c == '/')
         value += ShortToString(c);
      else if(c == 'n')
         value += "\n";
      else if(c == 'r')
         value += "\r";
      else if(c == 't')
         value += "\t";
      else if(c == 'b')
         value += ShortToString(8);
      else if(c == 'f')
         value += ShortToString(12);
      else if(c == 'u')
        {
         if(i + 4 >= last)
            return(false);
         int code = 0;
         for(int k = 1; k <= 4; k++)
           {
            const int digit = TlJsonHexDigit(StringGetCharacter(literal, i + k));
            if(digit < 0)
               return(false);
            code = code * 16 + digit;
           }
         if(code == 0)
            return(false);                       // an MQL5 string cannot hold NUL
         value += ShortToString((ushort)code);
         i += 4;
        }
      else
         return(false);
     }
   return(true);
  }

//--- finds member `name` of the object `json` (top level only) and returns its raw value text
bool TlJsonFind(const string json, const string name, string &raw)
  {
   const int length = StringLen(json);
   raw = "";
   int i = TlJsonSkipSpace(json, 0);
   if(i >= length || StringGetCharacter(json, i) != '{')
      return(false);
   i = TlJsonSkipSpace(json, i + 1);
   if(i < length && StringGetCharacter(json, i) == '}')
      return(false);                             // empty object
   while(i < length)
     {
      if(StringGetCharacter(json, i) != '"')
         return(false);
      const int keyEnd = TlJsonSkipString(json, i);
      if(keyEnd < 0)
         return(false);
      string key = "";
      if(!TlJsonUnquote(StringSubstr(json, i, keyEnd - i), key))
         return(false);
      i = TlJsonSkipSpace(json, keyEnd);
      if(i >= length || StringGetCharacter(json, i) != ':')
         return(false);
      i = TlJsonSkipSpace(json, i + 1);
      const int valueEnd = TlJsonSkipValue(json, i);
      if(valueEnd < 0)
         return(false);
      if(key == name)
        {
         raw = StringSubstr(json, i, valueEnd - i);
         return(true);
        }
      i = TlJsonSkipSpace(json, valueEnd);
      if(i >= length || StringGetCharacter(json, i) != ',')
         return(false);                          // '}' (not found) or malformed
      i = TlJsonSkipSpace(json, i + 1);
     }
   return(false);
  }

//--- true when `raw` looks like a JSON number (digits, sign, point, exponent)
bool TlJsonIsNumber(const string raw)
  {
   const int length = StringLen(raw);
   if(length == 0)
      return(false);
   const ushort first = StringGetCharacter(raw, 0);
   if(first != '-' && (first < '0' || first > '9'))
      return(false);
   for(int i = 0; i < length; i++)
     {
      const ushort c = StringGetCharacter(raw, i);
      if((c < '0' || c > '9') && c != '-' && c != '+' && c != '.' && c != 'e' && c != 'E')
         return(false);
     }
   return(true);
  }

bool TlJsonGetString(const string json, const string name, string &value)
  {
   string raw = "";
   value = "";
   return(TlJsonFind(json, name, raw) && TlJsonUnquote(raw, value));
  }

bool TlJsonGetNumber(const string json, const string name, double &value)
  {
   string raw = "";
   if(!TlJsonFind(json, name, raw) || !TlJsonIsNumber(raw))
      return(false);
   value = StringToDouble(raw);
   return(true);
  }

//--- an integer member (no fraction, no exponent); false for null, strings or fractions
bool TlJsonGetLong(const string json, const string name, long &value)
  {
   string raw = "";
   if(!TlJsonFind(json, name, raw) || !TlJsonIsNumber(raw))
      return(false);
   if(StringFind(raw, ".") >= 0 || StringFind(raw, "e") >= 0 || StringFind(raw, "E") >= 0)
      return(false);
   value = StringToInteger(raw);
   return(true);
  }

bool TlJsonGetBool(const string json, const string name, bool &value)
  {
   string raw = "";
   if(!TlJsonFind(json, name, raw) || (raw != "true" && raw != "false"))
      return(false);
   value = (raw == "true");
   return(true);
  }

//--- a nested object member as raw JSON text, for a second lookup
bool TlJsonGetObject(const string json, const string name, string &raw)
  {
   return(TlJsonFind(json, name, raw) && StringGetCharacter(raw, 0) == '{');
  }

#endif
