//+------------------------------------------------------------------+
//| Tradeloom/Indicators/RollingExtreme.mqh                          |
//| Highest / lowest of the last `period` values in O(1) amortised   |
//| per value, with a monotonic deque. Mirrors runtime/src/indicators|
//| /rolling-extreme.ts step for step. The extreme of a window is    |
//| exact whatever the algorithm, so this equals MT5's re-scan of    |
//| the window; mirroring the deque keeps the two sides one program. |
//| Shared by Donchian, Highest, Lowest, Stochastic, Williams %R and |
//| Ichimoku.                                                        |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_ROLLINGEXTREME_MQH
#define TRADELOOM_INDICATORS_ROLLINGEXTREME_MQH

//--- deque of candidate maxima: values decrease from `head` to the back
struct TlRollingMax
  {
   int               period;
   double            vals[];     // candidate values, a ring of `period` slots
   int               idx[];      // input number of each candidate
   int               head;       // slot of the current maximum
   int               size;       // candidates in the deque
   int               n;          // inputs pushed so far
  };

//--- deque of candidate minima: values increase from `head` to the back
struct TlRollingMin
  {
   int               period;
   double            vals[];
   int               idx[];
   int               head;
   int               size;
   int               n;
  };

void TlRollingMaxInit(TlRollingMax &r, const int period)
  {
   r.period = period;
   ArrayResize(r.vals, period);
   ArrayInitialize(r.vals, 0.0);
   ArrayResize(r.idx, period);
   ArrayInitialize(r.idx, 0);
   r.head = 0;
   r.size = 0;
   r.n = 0;
  }

void TlRollingMinInit(TlRollingMin &r, const int period)
  {
   r.period = period;
   ArrayResize(r.vals, period);
   ArrayInitialize(r.vals, 0.0);
   ArrayResize(r.idx, period);
   ArrayInitialize(r.idx, 0);
   r.head = 0;
   r.size = 0;
   r.n = 0;
  }

//--- pushes x and returns the maximum of the last `period` values (x included)
double TlRollingMaxPush(TlRollingMax &r, const double x)
  {
   const int cap = r.period;
   // Drop the front candidate once it has left the window.
   if(r.size > 0 && r.idx[r.head] <= r.n - cap)
     {
      r.head++;
      if(r.head == cap)
         r.head = 0;
      r.size--;
     }
   // Candidates not above x can never be the maximum again.
   while(r.size > 0)
     {
      int back = r.head + r.size - 1;
      if(back >= cap)
         back -= cap;
      if(r.vals[back] <= x)
         r.size--;
      else
         break;
     }
   int pos = r.head + r.size;
   if(pos >= cap)
      pos -= cap;
   r.vals[pos] = x;
   r.idx[pos] = r.n;
   r.n++;
   r.size++;
   return(r.vals[r.head]);
  }

//--- pushes x and returns the minimum of the last `period` values (x included)
double TlRollingMinPush(TlRollingMin &r, const double x)
  {
   const int cap = r.period;
   if(r.size > 0 && r.idx[r.head] <= r.n - cap)
     {
      r.head++;
      if(r.head == cap)
         r.head = 0;
      r.size--;
     }
   while(r.size > 0)
     {
      int back = r.head + r.size - 1;
      if(back >= cap)
         back -= cap;
      if(r.vals[back] >= x)
         r.size--;
      else
         break;
     }
   int pos = r.head + r.size;
   if(pos >= cap)
      pos -= cap;
   r.vals[pos] = x;
   r.idx[pos] = r.n;
   r.n++;
   r.size++;
   return(r.vals[r.head]);
  }

#endif
