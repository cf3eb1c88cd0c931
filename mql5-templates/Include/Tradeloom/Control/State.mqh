//+------------------------------------------------------------------+
//| Tradeloom/Control/State.mqh                                      |
//| What the control client knows and keeps. The halt state, the     |
//| newest executed command and the deal watermark live in terminal  |
//| global variables named after the deployment, so a restart of the |
//| EA or the terminal continues where it stopped.                   |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_CONTROL_STATE_MQH
#define TRADELOOM_CONTROL_STATE_MQH

#define TL_PROTOCOL_VERSION         1
#define TL_CONTROL_TIMEOUT_MS       3000   // WebRequest blocks the EA thread: keep it short
#define TL_MIN_HEARTBEAT_SECONDS    5
#define TL_MAX_HEARTBEAT_SECONDS    300
#define TL_MAX_BACKOFF_SECONDS      60
#define TL_REFUSED_RETRY_SECONDS    300    // after 401, 403 or 404: ask again now and then
#define TL_MAX_RETRY_AFTER_SECONDS  600
#define TL_TOUCH_GLOBALS_MS         3600000 // terminal globals expire after 4 weeks untouched

#define TL_PHASE_HELLO    0
#define TL_PHASE_READY    1
#define TL_PHASE_RUNNING  2

#define TL_HALT_NONE      0
#define TL_HALT_COMMAND   1   // the server's halt command
#define TL_HALT_CLOSE_ALL 2   // close_all flattens, then halts
#define TL_HALT_REFUSED   3   // the server refused the deployment (403: stopped, revoked, mismatch)

enum ENUM_TL_OFFLINE_POLICY
  {
   TL_OFFLINE_STOP_ENTRIES = 0, // Stop new entries (exits and guardrails keep working)
   TL_OFFLINE_KEEP_TRADING = 1  // Keep trading under the local guardrails
  };

struct TlControlState
  {
   bool              enabled;            // false in the Strategy Tester: no network, files or globals
   string            deploymentId;
   string            serverUrl;          // what the trader allows in Tools > Options > Expert Advisors
   string            baseUrl;            // <server>/api/ea/v1/deployments/<id>
   string            headers;            // carries the bearer token: never print it
   string            globalPrefix;       // "tl.<id>." for terminal global variables
   string            outboxFile;         // in the terminal's common data folder
   string            rejectedFile;
   string            codeHash;
   string            contentHash;
   string            compilerVersion;
   int               offlinePolicy;
   int               offlineMinutes;
   int               heartbeatSeconds;
   int               phase;
   ulong             retryAtMs;          // no request before this (backoff, Retry-After)
   ulong             nextHeartbeatMs;
   ulong             lastHeartbeatOkMs;  // the start time until a heartbeat succeeds
   ulong             lastTouchMs;
   int               failures;           // consecutive failed requests
   long              heartbeatSeq;
   int               haltReason;         // TL_HALT_NONE while entries are allowed
   long              lastCommandId;      // newest command executed; ids up to it are never run again
   string            lastCommand;        // "" after a restart (only the id and result are persisted)
   bool              lastCommandFailed;
   string            ackMessage;
   bool              ackPending;         // the server has not confirmed the last command's ack yet
   double            dealWatermarkMsc;   // trade-server time of the newest deal already queued
   bool              rescanDeals;        // scan the deal history on the next timer tick
   string            lastError;
   long              lastErrorTime;
   bool              offlineBlocking;    // entries stopped by the offline policy right now
   bool              refusedWarned;
   bool              whitelistWarned;
  };

TlControlState g_tlControl;

//--- a monotonic clock in milliseconds (microseconds since the program started)
ulong TlControlNowMs()
  {
   return(GetMicrosecondCount() / 1000);
  }

//--- a persisted value, or `fallback` when the terminal has none
double TlControlLoad(const string key, const double fallback)
  {
   const string name = g_tlControl.globalPrefix + key;
   if(!GlobalVariableCheck(name))
      return(fallback);
   return(GlobalVariableGet(name));
  }

//--- persists a value at once (a crash right after a halt must not forget it)
void TlControlSave(const string key, const double value)
  {
   const string name = g_tlControl.globalPrefix + key;
   if(GlobalVariableSet(name, value) == 0)
      PrintFormat("Tradeloom: could not save terminal global %s (error %d)", name, GetLastError());
   GlobalVariablesFlush();
  }

//--- rewrites the persisted values now and then, so the terminal never expires them
void TlControlTouchGlobals(const ulong nowMs)
  {
   if(nowMs - g_tlControl.lastTouchMs < TL_TOUCH_GLOBALS_MS)
      return;
   g_tlControl.lastTouchMs = nowMs;
   TlControlSave("halt", g_tlControl.haltReason);
   TlControlSave("cmd", (double)g_tlControl.lastCommandId);
   TlControlSave("failed", g_tlControl.lastCommandFailed ? 1 : 0);
   TlControlSave("ack", g_tlControl.ackPending ? 1 : 0);
   TlControlSave("deal", g_tlControl.dealWatermarkMsc);
  }

//--- remembers the latest problem for the next heartbeat
void TlControlNoteError(const string message)
  {
   g_tlControl.lastError = message;
   g_tlControl.lastErrorTime = (long)TimeGMT();
  }

string TlHaltReasonName(const int reason)
  {
   switch(reason)
     {
      case TL_HALT_COMMAND:
         return("halt");
      case TL_HALT_CLOSE_ALL:
         return("close_all");
      case TL_HALT_REFUSED:
         return("refused");
     }
   return("none");
  }

//--- sets or clears the halt (TL_HALT_NONE) and persists it before anything else happens
void TlControlSetHalt(const int reason)
  {
   if(reason == g_tlControl.haltReason)
      return;
   g_tlControl.haltReason = reason;
   TlControlSave("halt", reason);
   if(reason == TL_HALT_NONE)
      Print("Tradeloom: resumed, new entries allowed");
   else
      PrintFormat("Tradeloom: halted (%s): no new entries; exits and stops keep working", TlHaltReasonName(reason));
  }

#endif
