//+------------------------------------------------------------------+
//| Tradeloom/Control/Http.mqh                                       |
//| One POST to the deployment's URL and what its status means:      |
//| 2xx goes on; no answer, 5xx and 429 back off (Retry-After wins); |
//| 401/404 (unknown token or deployment) and 403 (deployment        |
//| refused, which also halts entries) are retried rarely. Called    |
//| from OnTimer only: WebRequest blocks the EA thread.              |
//+------------------------------------------------------------------+
#ifndef TRADELOOM_CONTROL_HTTP_MQH
#define TRADELOOM_CONTROL_HTTP_MQH

#include <Tradeloom\Json.mqh>
#include <Tradeloom\Control\State.mqh>

#define TL_ERR_FUNCTION_NOT_ALLOWED 4014   // WebRequest: the URL is not in the allowed list

//--- the Retry-After of a response, in seconds (0 when absent), from WebRequest's header text
int TlRetryAfterSeconds(const string headers)
  {
   string lower = headers;
   StringToLower(lower);
   const int at = StringFind(lower, "retry-after:");
   if(at < 0)
      return(0);
   const int length = StringLen(lower);
   int i = TlJsonSkipSpace(lower, at + 12);
   int seconds = 0;
   while(i < length)
     {
      const ushort c = StringGetCharacter(lower, i);
      if(c < '0' || c > '9')
         break;
      seconds = seconds * 10 + (c - '0');
      if(seconds >= TL_MAX_RETRY_AFTER_SECONDS)
         return(TL_MAX_RETRY_AFTER_SECONDS);
      i++;
     }
   return(seconds);
  }

//--- waits 2, 4, 8, ... seconds after consecutive failures, at most TL_MAX_BACKOFF_SECONDS
int TlBackoffSeconds(const int failures)
  {
   int seconds = 1;
   for(int i = 0; i < failures && seconds < TL_MAX_BACKOFF_SECONDS; i++)
      seconds *= 2;
   return((seconds < TL_MAX_BACKOFF_SECONDS) ? seconds : TL_MAX_BACKOFF_SECONDS);
  }

//--- POSTs a JSON body to <deployment URL>/<path>: the HTTP status, or -1 when no answer came
int TlControlPost(const string path, const string body, string &reply, int &retryAfter)
  {
   char data[];
   char result[];
   string responseHeaders = "";
   const int size = StringToCharArray(body, data, 0, WHOLE_ARRAY, CP_UTF8);
   ArrayResize(data, (size > 0) ? size - 1 : 0);   // StringToCharArray adds a 0 byte: not part of the body
   ResetLastError();
   const int status = WebRequest("POST", g_tlControl.baseUrl + "/" + path, g_tlControl.headers,
                                 TL_CONTROL_TIMEOUT_MS, data, result, responseHeaders);
   reply = (ArraySize(result) > 0) ? CharArrayToString(result, 0, WHOLE_ARRAY, CP_UTF8) : "";
   retryAfter = TlRetryAfterSeconds(responseHeaders);
   if(status == -1)
     {
      const int error = GetLastError();
      TlControlNoteError(StringFormat("%s: no answer from the server (error %d)", path, error));
      if(error == TL_ERR_FUNCTION_NOT_ALLOWED && !g_tlControl.whitelistWarned)
        {
         g_tlControl.whitelistWarned = true;
         PrintFormat("Tradeloom: WebRequest is not allowed for %s. Add it in Tools > Options > Expert Advisors > "
                     "\"Allow WebRequest for listed URL\", then re-attach the EA.", g_tlControl.serverUrl);
        }
     }
   return(status);
  }

//--- the code and message of an error body {"error":{"code":...,"message":...}}
void TlControlErrorBody(const string reply, string &code, string &message)
  {
   string error = "";
   code = "";
   message = "";
   if(!TlJsonGetObject(reply, "error", error))
      return;
   TlJsonGetString(error, "code", code);
   TlJsonGetString(error, "message", message);
  }

//--- true on 2xx; otherwise schedules the next attempt, notes the error and returns false
bool TlControlAccepted(const string path, const int status, const string reply, const int retryAfter)
  {
   if(status >= 200 && status < 300)
     {
      g_tlControl.failures = 0;
      g_tlControl.refusedWarned = false;       // a later refusal is news again
      return(true);
     }
   g_tlControl.failures++;
   int wait = TlBackoffSeconds(g_tlControl.failures);
   if(status != -1)
     {
      string code = "";
      string message = "";
      TlControlErrorBody(reply, code, message);
      TlControlNoteError(StringFormat("%s: HTTP %d %s %s", path, status, code, message));
      if(status == 401 || status == 403 || status == 404)
        {
         wait = TL_REFUSED_RETRY_SECONDS;
         if(!g_tlControl.refusedWarned)
           {
            g_tlControl.refusedWarned = true;
            PrintFormat("Tradeloom: the server refused deployment %s (HTTP %d %s: %s)", g_tlControl.deploymentId,
                        status, code, message);
           }
        }
      // 403: the deployment was stopped or does not match this terminal; it must not open trades.
      // A halt the server commanded stays as it is (only a refusal is lifted by a later 2xx).
      if(status == 403 && g_tlControl.haltReason == TL_HALT_NONE)
         TlControlSetHalt(TL_HALT_REFUSED);
     }
   if(retryAfter > wait)
      wait = retryAfter;
   g_tlControl.retryAtMs = TlControlNowMs() + (ulong)wait * 1000;
   return(false);
  }

#endif
