// The headers of every event stream Switchyard sends (the chatroom's and the API's).
export const SSE_HEADERS: Record<string, string> = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  // Reverse proxies (nginx) must pass each event through at once.
  "x-accel-buffering": "no",
};
