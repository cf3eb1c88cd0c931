//+------------------------------------------------------------------+
//| Tradeloom/Control/Outbox.mqh                                     |
//| Trade reports waiting for the server, oldest first, one JSON     |
//| object per line. Each report is appended to a file in the        |
//| terminal's common data folder (FILE_COMMON) the moment it is     |
//| queued, and the file is rewritten after the server accepted a    |
//| batch, so neither a restart nor an outage loses a report. A      |
//| report sent twice is harmless: the server keys them by deal.     |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_CONTROL_OUTBOX_MQH
#define TRADELOOM_CONTROL_OUTBOX_MQH

#include <Tradeloom\Control\State.mqh>

#define TL_OUTBOX_FLAGS (FILE_TXT | FILE_ANSI | FILE_COMMON)   // lines are ASCII (Json.mqh escapes the rest)

string g_tlOutbox[];

void TlOutboxPush(const string report)
  {
   const int size = ArraySize(g_tlOutbox);
   ArrayResize(g_tlOutbox, size + 1, 64);
   g_tlOutbox[size] = report;
  }

//--- appends one line to a file in the common data folder
bool TlFileAppendLine(const string file, const string line)
  {
   const int handle = FileOpen(file, FILE_READ | FILE_WRITE | TL_OUTBOX_FLAGS);
   if(handle == INVALID_HANDLE)
      return(false);
   bool written = FileSeek(handle, 0, SEEK_END);
   written = written && FileWriteString(handle, line + "\r\n") > 0;
   FileClose(handle);
   return(written);
  }

//--- keeps a report that can never be sent in <prefix>-rejected.jsonl, for a person to look at
void TlOutboxSetAside(const string report, const string reason)
  {
   if(!TlFileAppendLine(g_tlControl.rejectedFile, report))
      PrintFormat("Tradeloom: could not write %s (error %d)", g_tlControl.rejectedFile, GetLastError());
   if(reason != "")
      PrintFormat("Tradeloom: a trade report was set aside in %s (common data folder): %s",
                  g_tlControl.rejectedFile, reason);
  }

//--- reads the reports a previous run left unsent
void TlOutboxLoad()
  {
   ArrayResize(g_tlOutbox, 0);
   if(!FileIsExist(g_tlControl.outboxFile, FILE_COMMON))
      return;
   const int handle = FileOpen(g_tlControl.outboxFile, FILE_READ | FILE_SHARE_READ | TL_OUTBOX_FLAGS);
   if(handle == INVALID_HANDLE)
     {
      PrintFormat("Tradeloom: cannot read the outbox %s (error %d)", g_tlControl.outboxFile, GetLastError());
      return;
     }
   while(!FileIsEnding(handle))
     {
      string line = FileReadString(handle);
      StringTrimLeft(line);
      StringTrimRight(line);
      const int length = StringLen(line);
      if(length == 0)
         continue;
      // A line cut short by a crash cannot be sent; keep it for a person to look at.
      if(StringGetCharacter(line, 0) != '{' || StringGetCharacter(line, length - 1) != '}')
         TlOutboxSetAside(line, "incomplete line in the outbox");
      else
         TlOutboxPush(line);
     }
   FileClose(handle);
   if(ArraySize(g_tlOutbox) > 0)
      PrintFormat("Tradeloom: %d trade report(s) from an earlier run wait to be sent", ArraySize(g_tlOutbox));
  }

//--- queues a report: in memory for the next send, on disk at once
void TlOutboxEnqueue(const string report)
  {
   TlOutboxPush(report);
   if(!TlFileAppendLine(g_tlControl.outboxFile, report))
      PrintFormat("Tradeloom: could not save a trade report to %s (error %d); it is kept in memory until sent",
                  g_tlControl.outboxFile, GetLastError());
  }

//--- writes the whole outbox again; through a temporary file, so a crash leaves the old or the new one
bool TlOutboxRewrite()
  {
   const string file = g_tlControl.outboxFile;
   const int size = ArraySize(g_tlOutbox);
   if(size == 0)
      return(!FileIsExist(file, FILE_COMMON) || FileDelete(file, FILE_COMMON));
   const string temp = file + ".tmp";
   const int handle = FileOpen(temp, FILE_WRITE | TL_OUTBOX_FLAGS);
   if(handle == INVALID_HANDLE)
      return(false);
   bool written = true;
   for(int i = 0; i < size; i++)
      written = written && FileWriteString(handle, g_tlOutbox[i] + "\r\n") > 0;
   FileClose(handle);
   return(written && FileMove(temp, FILE_COMMON, file, FILE_COMMON | FILE_REWRITE));
  }

//--- forgets the first `count` reports (the server has them) and rewrites the file
void TlOutboxDrop(const int count)
  {
   const int size = ArraySize(g_tlOutbox);
   const int dropped = (count < size) ? count : size;
   for(int i = dropped; i < size; i++)
      g_tlOutbox[i - dropped] = g_tlOutbox[i];
   ArrayResize(g_tlOutbox, size - dropped);
   // If this fails the file still holds sent reports: they go again and the server ignores them.
   if(!TlOutboxRewrite())
      PrintFormat("Tradeloom: could not rewrite the outbox %s (error %d)", g_tlControl.outboxFile, GetLastError());
  }

#endif
