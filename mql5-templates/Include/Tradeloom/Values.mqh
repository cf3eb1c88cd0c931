//+------------------------------------------------------------------+
//| Tradeloom/Values.mqh                                             |
//| "No value yet" handling. The TypeScript runtime uses NaN for a   |
//| value that is still warming up, and every comparison with NaN is |
//| false. MQL5 has no NaN literal, so EMPTY_VALUE plays that role   |
//| and generated conditions test TlIsValid() first, which gives the |
//| same truth table as the TypeScript twin.                         |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_VALUES_MQH
#define TRADELOOM_VALUES_MQH

#define TL_NO_VALUE EMPTY_VALUE

//--- true when x holds a computed value
bool TlIsValid(const double x)
  {
   return(x != TL_NO_VALUE && MathIsValidNumber(x));
  }

#endif
