//+------------------------------------------------------------------+
//| Tradeloom/Indicators/WindowSums.mqh                              |
//| Window sums in MetaQuotes' summation order, for the indicators   |
//| that re-sum their window every bar (Bollinger Bands, StdDev,     |
//| CCI). Mirrors runtime/src/indicators/window-sums.ts: `end` is the|
//| index of the newest value, the window is a[end-n+1 .. end].      |
//| TlWindow keeps the last n values contiguous by writing each one  |
//| twice (slots s and s + n), so the sums never wrap around.        |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_INDICATORS_WINDOWSUMS_MQH
#define TRADELOOM_INDICATORS_WINDOWSUMS_MQH

struct TlWindow
  {
   int               n;
   double            buf[];      // 2 * n slots; the window is buf[end - n + 1 .. end]
   int               end;        // index of the newest value (valid once count >= 1)
   int               count;      // values pushed so far
   int               slot;       // slot the next value goes to
  };

void TlWindowInit(TlWindow &w, const int n)
  {
   w.n = n;
   ArrayResize(w.buf, 2 * n);
   ArrayInitialize(w.buf, 0.0);
   w.end = 0;
   w.count = 0;
   w.slot = 0;
  }

void TlWindowPush(TlWindow &w, const double x)
  {
   const int s = w.slot;
   w.buf[s] = x;
   w.buf[s + w.n] = x;
   w.end = s + w.n;
   w.slot = (s + 1 == w.n) ? 0 : s + 1;
   w.count++;
  }

//--- SimpleMA() in MovingAverages.mqh: 0.0 + a[end] + a[end-1] + ... (newest first)
double TlSumNewestFirst(const double &a[], const int end, const int n)
  {
   double r = 0.0;
   for(int k = 0; k < n; k++)
      r += a[end - k];
   return(r);
  }

//--- sum of (a[j] - mid)^2 over the window, newest first (BB.mq5 / StdDev.mq5)
double TlSumSquaredDeviation(const double &a[], const int end, const int n, const double mid)
  {
   double r = 0.0;
   for(int k = 0; k < n; k++)
     {
      // MathPow(d, 2.0) is d * d exactly: both are the correctly rounded square.
      const double d = a[end - k] - mid;
      r += d * d;
     }
   return(r);
  }

//--- sum of |a[j] - mid| over the window, newest first (CCI.mq5)
double TlSumAbsDeviation(const double &a[], const int end, const int n, const double mid)
  {
   double r = 0.0;
   for(int k = 0; k < n; k++)
      r += MathAbs(a[end - k] - mid);
   return(r);
  }

//--- LinearWeightedMA() in MovingAverages.mqh: weight 1 for the oldest, n for the newest
double TlLinearWeightedMean(const double &a[], const int end, const int n)
  {
   double sum = 0.0;
   int wsum = 0;
   for(int i = n; i > 0; i--)
     {
      wsum += i;
      sum += a[end - i + 1] * (n - i + 1);
     }
   return(sum / wsum);
  }

#endif
