//+------------------------------------------------------------------+
//| Tradeloom/Filters.mqh                                            |
//| Time filters, on bar open times in server time, as the runtime   |
//| computes them from epoch seconds.                                |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_FILTERS_MQH
#define TRADELOOM_FILTERS_MQH

//--- hour of `t` inside [startHour, endHour); a window with start > end wraps past midnight
bool TlInSession(const datetime t, const int startHour, const int endHour)
  {
   const int hour = (int)(((long)t % 86400) / 3600);
   if(startHour <= endHour)
      return(hour >= startHour && hour < endHour);
   return(hour >= startHour || hour < endHour);
  }

#endif
