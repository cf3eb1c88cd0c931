//+------------------------------------------------------------------+
//| Tradeloom/Conditions.mqh                                         |
//| Condition helpers with the TypeScript runtime's NaN semantics:   |
//| a missing value on either bar means "no signal".                 |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_CONDITIONS_MQH
#define TRADELOOM_CONDITIONS_MQH

#include <Tradeloom\Values.mqh>

//--- A was at or below B on the previous bar and is above it now
bool TlCrossedAbove(const double prevA, const double prevB, const double a, const double b)
  {
   if(!TlIsValid(prevA) || !TlIsValid(prevB) || !TlIsValid(a) || !TlIsValid(b))
      return(false);
   return(prevA <= prevB && a > b);
  }

//--- A was at or above B on the previous bar and is below it now
bool TlCrossedBelow(const double prevA, const double prevB, const double a, const double b)
  {
   if(!TlIsValid(prevA) || !TlIsValid(prevB) || !TlIsValid(a) || !TlIsValid(b))
      return(false);
   return(prevA >= prevB && a < b);
  }

//--- comparisons: false when either value is missing, like NaN in TypeScript
bool TlGreater(const double a, const double b)
  {
   return(TlIsValid(a) && TlIsValid(b) && a > b);
  }

bool TlLess(const double a, const double b)
  {
   return(TlIsValid(a) && TlIsValid(b) && a < b);
  }

bool TlGreaterOrEqual(const double a, const double b)
  {
   return(TlIsValid(a) && TlIsValid(b) && a >= b);
  }

bool TlLessOrEqual(const double a, const double b)
  {
   return(TlIsValid(a) && TlIsValid(b) && a <= b);
  }

//--- lower <= x <= upper
bool TlWithin(const double x, const double lower, const double upper)
  {
   return(TlIsValid(x) && TlIsValid(lower) && TlIsValid(upper) && lower <= x && x <= upper);
  }

#endif
