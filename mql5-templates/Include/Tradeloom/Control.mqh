//+------------------------------------------------------------------+
//| Tradeloom/Control.mqh                                            |
//| The control client of a deployed EA: EA control protocol v1,     |
//| JSON over HTTPS (docs/ea-protocol.md in the Tradeloom repo).     |
//|  - WebRequest only from OnTimer, and never in the Strategy       |
//|    Tester or an optimisation: there the EA trades on its own,    |
//|    exactly like an EA built without a deployment;                |
//|  - hello and ready on the first timer ticks, then a heartbeat    |
//|    every few seconds whose reply carries halt / close_all /      |
//|    resume, each acknowledged by id;                              |
//|  - trade reports from OnTradeTransaction through a FILE_COMMON   |
//|    outbox, so restarts and outages lose nothing;                 |
//|  - the halt survives restarts (terminal global variables);       |
//|  - offline, the local guardrails keep working, and after N       |
//|    minutes without a heartbeat an input chooses between trading  |
//|    on and stopping new entries.                                  |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_CONTROL_MQH
#define TRADELOOM_CONTROL_MQH

#include <Trade\Trade.mqh>
#include <Tradeloom\Json.mqh>
#include <Tradeloom\Control\State.mqh>
#include <Tradeloom\Control\Outbox.mqh>
#include <Tradeloom\Control\Http.mqh>
#include <Tradeloom\Control\Reports.mqh>
#include <Tradeloom\Control\Commands.mqh>
#include <Tradeloom\Control\Messages.mqh>

#define TL_TIMER_SECONDS 1   // the timer only checks what is due; heartbeats follow heartbeatSeconds

//--- true in the Strategy Tester and in optimisations, where WebRequest does not run
bool TlControlInTester()
  {
   return(MQLInfoInteger(MQL_TESTER) != 0 || MQLInfoInteger(MQL_OPTIMIZATION) != 0);
  }

//--- true when the EA talks to the server (live or demo, not the tester)
bool TlControlEnabled()
  {
   return(g_tlControl.enabled);
  }

//--- sets the client up from scratch (OnInit also runs after a chart change, with old globals);
//--- restores the persisted halt and command state. Never contacts the server.
void TlControlInit(const string deploymentId, const string serverUrl, const string token, const string codeHash,
                   const string contentHash, const string compilerVersion, const int heartbeatSeconds,
                   const int offlinePolicy, const int offlineMinutes)
  {
   const ulong now = TlControlNowMs();
   g_tlControl.enabled = !TlControlInTester();
   g_tlControl.deploymentId = deploymentId;
   g_tlControl.serverUrl = serverUrl;
   g_tlControl.baseUrl = serverUrl + "/api/ea/v1/deployments/" + deploymentId;
   g_tlControl.headers = "Authorization: Bearer " + token + "\r\nContent-Type: application/json\r\nAccept: application/json\r\n";
   g_tlControl.globalPrefix = "tl." + deploymentId + ".";
   g_tlControl.outboxFile = "tradeloom-" + deploymentId + "-outbox.jsonl";
   g_tlControl.rejectedFile = "tradeloom-" + deploymentId + "-rejected.jsonl";
   g_tlControl.codeHash = codeHash;
   g_tlControl.contentHash = contentHash;
   g_tlControl.compilerVersion = compilerVersion;
   g_tlControl.offlinePolicy = offlinePolicy;
   g_tlControl.offlineMinutes = offlineMinutes;
   g_tlControl.heartbeatSeconds = heartbeatSeconds;
   g_tlControl.phase = TL_PHASE_HELLO;
   g_tlControl.retryAtMs = 0;
   g_tlControl.nextHeartbeatMs = 0;
   g_tlControl.lastHeartbeatOkMs = now;        // the offline clock starts with the EA
   g_tlControl.lastTouchMs = now;
   g_tlControl.failures = 0;
   g_tlControl.heartbeatSeq = 0;
   g_tlControl.lastCommand = "";
   g_tlControl.ackMessage = "";
   g_tlControl.lastError = "";
   g_tlControl.lastErrorTime = 0;
   g_tlControl.offlineBlocking = false;
   g_tlControl.refusedWarned = false;
   g_tlControl.whitelistWarned = false;
   g_tlControl.rescanDeals = g_tlControl.enabled;
   g_tlSendNext = 0;
   g_tlRecentNext = 0;
   for(int i = 0; i < TL_SEND_RECORDS; i++)
      g_tlSends[i].order = 0;
   for(int i = 0; i < TL_RECENT_DEALS; i++)
      g_tlRecentDeals[i] = 0;
   ArrayResize(g_tlOutbox, 0);
   g_tlControl.haltReason = TL_HALT_NONE;
   g_tlControl.lastCommandId = 0;
   g_tlControl.lastCommandFailed = false;
   g_tlControl.ackPending = false;
   g_tlControl.dealWatermarkMsc = 0.0;
   if(!g_tlControl.enabled)
     {
      PrintFormat("Tradeloom deployment %s: Strategy Tester, so no server connection; the EA trades on its "
                  "local guardrails only", deploymentId);
      return;
     }
   g_tlControl.haltReason = (int)TlControlLoad("halt", TL_HALT_NONE);
   g_tlControl.lastCommandId = (long)TlControlLoad("cmd", 0);
   g_tlControl.lastCommandFailed = TlControlLoad("failed", 0) != 0;
   g_tlControl.ackPending = TlControlLoad("ack", 0) != 0;
   // First start: report deals from now on, not the account's history.
   g_tlControl.dealWatermarkMsc = TlControlLoad("deal", (double)TimeCurrent() * 1000.0);
   TlControlSave("deal", g_tlControl.dealWatermarkMsc);
   TlOutboxLoad();
   PrintFormat("Tradeloom deployment %s: reporting to %s (allow this URL in Tools > Options > Expert Advisors)%s",
               deploymentId, serverUrl,
               (g_tlControl.haltReason != TL_HALT_NONE) ? "; HALTED until the server resumes it" : "");
  }

//--- OnDeinit: everything is on disk already; say what waits for the next run
void TlControlDeinit()
  {
   if(!g_tlControl.enabled)
      return;
   GlobalVariablesFlush();
   if(ArraySize(g_tlOutbox) > 0)
      PrintFormat("Tradeloom: %d trade report(s) wait in %s (common data folder) for the next run",
                  ArraySize(g_tlOutbox), g_tlControl.outboxFile);
  }

//--- true once no heartbeat has succeeded for the policy's number of minutes
bool TlControlOffline(const ulong nowMs)
  {
   return(nowMs - g_tlControl.lastHeartbeatOkMs > (ulong)g_tlControl.offlineMinutes * 60000);
  }

//--- the server's say on new entries: not halted, and not stopped by the offline policy.
//--- Exits never ask. The local guardrails are checked separately (TlGuardrailsAllowEntry).
bool TlControlAllowEntry()
  {
   if(!g_tlControl.enabled)
      return(true);
   if(g_tlControl.haltReason != TL_HALT_NONE)
      return(false);
   return(g_tlControl.offlinePolicy != TL_OFFLINE_STOP_ENTRIES || !TlControlOffline(TlControlNowMs()));
  }

//--- logs when the offline policy starts or stops blocking entries
void TlControlCheckOffline(const ulong nowMs)
  {
   const bool blocking = g_tlControl.offlinePolicy == TL_OFFLINE_STOP_ENTRIES && TlControlOffline(nowMs);
   if(blocking == g_tlControl.offlineBlocking)
      return;
   g_tlControl.offlineBlocking = blocking;
   if(blocking)
      PrintFormat("Tradeloom: no heartbeat for %d minutes: new entries stopped until the server answers "
                  "(exits and guardrails keep working)", g_tlControl.offlineMinutes);
   else
      Print("Tradeloom: the server answers again: new entries allowed");
  }

//--- OnTimer: at most one failed request per tick; later steps wait for the earlier ones
void TlControlOnTimer(CTrade &trade, const long magic, const datetime lastBar, const bool guardrailBreached)
  {
   if(!g_tlControl.enabled)
      return;
   const ulong now = TlControlNowMs();
   TlControlTouchGlobals(now);
   if(g_tlControl.rescanDeals && TerminalInfoInteger(TERMINAL_CONNECTED) != 0)
      TlScanDeals(magic);                        // the history is complete once connected
   if(now >= g_tlControl.retryAtMs && AccountInfoInteger(ACCOUNT_LOGIN) != 0)
     {
      bool ok = true;
      if(g_tlControl.phase == TL_PHASE_HELLO)
         ok = TlControlHello(magic);
      if(ok && g_tlControl.phase == TL_PHASE_READY)
         ok = TlControlReady();
      if(ok && g_tlControl.ackPending)
         ok = TlControlSendAck();
      if(ok && now >= g_tlControl.nextHeartbeatMs)
        {
         ok = TlControlHeartbeat(trade, magic, lastBar, guardrailBreached);
         if(ok && g_tlControl.ackPending)
            ok = TlControlSendAck();
        }
      if(ok && ArraySize(g_tlOutbox) > 0)
         TlControlSendTrades();
     }
   TlControlCheckOffline(TlControlNowMs());
  }

#endif
