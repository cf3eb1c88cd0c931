//+------------------------------------------------------------------+
//| Tradeloom/Series.mqh                                             |
//| Per-bar history helpers mirroring runtime/src/series/*.ts:       |
//| the value N bars ago, and runs of rising or falling values.      |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_SERIES_MQH
#define TRADELOOM_SERIES_MQH

#include <Tradeloom\Values.mqh>

//--- the value `bars` bars ago (TL_NO_VALUE until that many bars were seen)
struct TlLag
  {
   int               bars;
   double            ring[];     // the last bars + 1 inputs
   int               count;      // inputs seen
   int               next;       // slot the next input goes to
  };

void TlLagInit(TlLag &s, const int bars)
  {
   s.bars = bars;
   ArrayResize(s.ring, bars + 1);
   ArrayInitialize(s.ring, TL_NO_VALUE);
   s.count = 0;
   s.next = 0;
  }

double TlLagUpdate(TlLag &s, const double x)
  {
   s.ring[s.next] = x;
   s.next = (s.next + 1) % (s.bars + 1);
   s.count++;
   if(s.count <= s.bars)
      return(TL_NO_VALUE);
   return(s.ring[s.next]);       // the oldest slot, written `bars` updates ago
  }

//--- counts consecutive bars on which the input rose (direction 1) or fell (direction -1)
struct TlRun
  {
   int               direction;
   double            previous;
   int               length;
  };

void TlRunInit(TlRun &s, const int direction)
  {
   s.direction = direction;
   s.previous = TL_NO_VALUE;
   s.length = 0;
  }

int TlRunUpdate(TlRun &s, const double x)
  {
   if(TlIsValid(x) && TlIsValid(s.previous) && (s.direction > 0 ? x > s.previous : x < s.previous))
      s.length++;
   else
      s.length = 0;
   s.previous = x;
   return(s.length);
  }

#endif
