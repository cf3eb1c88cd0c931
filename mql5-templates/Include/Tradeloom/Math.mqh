//+------------------------------------------------------------------+
//| Tradeloom/Math.mqh                                               |
//| Arithmetic with the runtime's NaN rules: a missing operand gives |
//| a missing result, and division by zero gives a missing result    |
//| (the TypeScript twin writes `b !== 0 ? a / b : NaN`).            |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_MATH_MQH
#define TRADELOOM_MATH_MQH

#include <Tradeloom\Values.mqh>

double TlAdd(const double a, const double b)
  {
   return((TlIsValid(a) && TlIsValid(b)) ? a + b : TL_NO_VALUE);
  }

double TlSubtract(const double a, const double b)
  {
   return((TlIsValid(a) && TlIsValid(b)) ? a - b : TL_NO_VALUE);
  }

double TlMultiply(const double a, const double b)
  {
   return((TlIsValid(a) && TlIsValid(b)) ? a * b : TL_NO_VALUE);
  }

double TlDivide(const double a, const double b)
  {
   return((TlIsValid(a) && TlIsValid(b) && b != 0.0) ? a / b : TL_NO_VALUE);
  }

double TlAbs(const double a)
  {
   return(TlIsValid(a) ? MathAbs(a) : TL_NO_VALUE);
  }

//--- Math.min/Math.max semantics: a missing operand gives a missing result
double TlMin(const double a, const double b)
  {
   return((TlIsValid(a) && TlIsValid(b)) ? MathMin(a, b) : TL_NO_VALUE);
  }

double TlMax(const double a, const double b)
  {
   return((TlIsValid(a) && TlIsValid(b)) ? MathMax(a, b) : TL_NO_VALUE);
  }

#endif
