//+------------------------------------------------------------------+
//| Tradeloom/Control/Commands.mqh                                   |
//| Commands from heartbeat replies and their acknowledgements.      |
//| Command ids grow per deployment; the EA runs each id once (ids   |
//| up to the newest executed are never run again, even after a     |
//| restart) and acknowledges it until the server confirms: 2xx, or  |
//| 409 when the server had already recorded that ack.               |
//|  halt      - no new entries; exits and stops keep working        |
//|  close_all - close this EA's positions by ticket, then halt      |
//|  resume    - clear the halt                                      |
//|  run       - nothing to change                                   |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_CONTROL_COMMANDS_MQH
#define TRADELOOM_CONTROL_COMMANDS_MQH

#include <Tradeloom\Trade.mqh>
#include <Tradeloom\Json.mqh>
#include <Tradeloom\Control\State.mqh>
#include <Tradeloom\Control\Http.mqh>

//--- runs command `id` unless it ran already; the ack goes out on this or a later timer tick
void TlControlHandleCommand(CTrade &trade, const long magic, const long id, const string command)
  {
   if(id <= 0 || id < g_tlControl.lastCommandId)
      return;                                    // nothing to do, or older than what already ran
   if(id == g_tlControl.lastCommandId)
     {
      // Ran already; the server repeats it because it has not recorded the ack: send it again.
      g_tlControl.ackPending = true;
      return;
     }
   bool done = true;
   string message = "";
   if(command == "halt")
     {
      TlControlSetHalt(TL_HALT_COMMAND);
      message = "halted: no new entries";
     }
   else if(command == "resume")
     {
      TlControlSetHalt(TL_HALT_NONE);
      message = "resumed: entries allowed";
     }
   else if(command == "close_all")
     {
      // Halt first, so no entry can slip in between the closes.
      TlControlSetHalt(TL_HALT_CLOSE_ALL);
      const bool closed = TlCloseAll(trade, magic, "close_all command");
      const int stillOpen = TlCountAllPositions(magic);
      done = closed && stillOpen == 0;
      message = done ? "all positions closed; halted" : StringFormat("%d position(s) still open; halted", stillOpen);
     }
   else if(command == "run")
      message = "running";
   else
     {
      done = false;
      message = "unknown command \"" + command + "\"";
     }
   // Persisted after running it: a crash in between runs it again, which every command allows.
   g_tlControl.lastCommandId = id;
   g_tlControl.lastCommand = command;
   g_tlControl.lastCommandFailed = !done;
   g_tlControl.ackMessage = message;
   g_tlControl.ackPending = true;
   TlControlSave("cmd", (double)id);
   TlControlSave("failed", done ? 0 : 1);
   TlControlSave("ack", 1);
   PrintFormat("Tradeloom: command %I64d %s %s: %s", id, command, done ? "done" : "failed", message);
  }

//--- acknowledges the last command; true once the server has it
bool TlControlSendAck()
  {
   TlJsonWriter w;
   TlJsonBegin(w);
   TlJsonAddLong(w, "commandId", g_tlControl.lastCommandId);
   // After a restart only the id and the result are known (terminal globals hold numbers).
   if(g_tlControl.lastCommand != "")
      TlJsonAddString(w, "command", g_tlControl.lastCommand);
   TlJsonAddString(w, "result", g_tlControl.lastCommandFailed ? "failed" : "done");
   TlJsonAddString(w, "message", (g_tlControl.ackMessage != "") ? g_tlControl.ackMessage : "executed before the EA restarted");
   TlJsonAddLong(w, "timeGmt", (long)TimeGMT());
   string reply = "";
   int retryAfter = 0;
   const int status = TlControlPost("ack", TlJsonEnd(w), reply, retryAfter);
   if(status == 400 || status == 422)
     {
      // The server will never take this ack (it does not know the command): stop sending it.
      PrintFormat("Tradeloom: the server refused the ack of command %I64d (HTTP %d)", g_tlControl.lastCommandId, status);
      TlControlNoteError(StringFormat("ack: HTTP %d", status));
     }
   else if(status != 409 && !TlControlAccepted("ack", status, reply, retryAfter))
      return(false);
   // 2xx, or 409: the server had this ack already; or an ack it will never take.
   g_tlControl.failures = 0;
   g_tlControl.ackPending = false;
   TlControlSave("ack", 0);
   return(true);
  }

#endif
