// The real app server (lib/server/http-server.ts, Next behind it) on the wire, with node:http
// clients rather than a browser: how connections behave after a refused body, and which
// client address sign-in counts when a client claims another one.
import http from "node:http";
import { expect, test } from "@playwright/test";
import { MAX_BODY_BYTES } from "../../lib/http/body-limit";
import { csrfHeaders } from "./accounts";

const MIB = 1024 * 1024;

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  reusedSocket: boolean;
}

/** One request on `agent`; a body of `bytes` is sent chunked (no length to refuse it by early) unless `body` is given. */
function send(agent: http.Agent, url: string, init: { method: string; headers?: Record<string, string>; bytes?: number; body?: string }): Promise<Answer | { error: string }> {
  return new Promise((resolve) => {
    const req = http.request(url, { method: init.method, agent, headers: { "content-type": "application/json", ...init.headers } }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body, reusedSocket: req.reusedSocket }));
    });
    req.on("error", (error: NodeJS.ErrnoException) => resolve({ error: error.code ?? error.message }));
    if (init.body !== undefined) return void req.end(init.body);
    if (!init.bytes) return void req.end();
    const chunk = Buffer.alloc(64 * 1024, "x");
    let sent = 0;
    const pump = () => {
      while (sent < init.bytes!) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      req.end();
    };
    req.write('{"title":"');
    pump();
  });
}

test.describe("a refused chunked body on the Next-served routes", () => {
  let session: Record<string, string>;

  test.beforeEach(async ({ page }) => {
    await page.goto("/settings");
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    session = { cookie, ...(await csrfHeaders(page)) };
  });

  test("gets its 413, and the keep-alive connection answers the next request", async ({ baseURL }) => {
    const routes = [
      { method: "POST", path: "/api/auth/login", headers: {} },
      { method: "POST", path: "/api/auth/setup", headers: {} },
      { method: "POST", path: "/api/keys", headers: session },
      { method: "POST", path: "/api/share", headers: session },
      { method: "PATCH", path: "/api/conversations/not-a-conversation", headers: session },
    ];
    for (const route of routes) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const refused = await send(agent, baseURL + route.path, { method: route.method, headers: route.headers, bytes: MAX_BODY_BYTES + MIB });
        expect(refused, route.path).toMatchObject({ status: 413 });
        const next = await send(agent, `${baseURL}/api/health`, { method: "GET" });
        expect(next, route.path).toMatchObject({ status: 200, reusedSocket: true });
      } finally {
        agent.destroy();
      }
    }
  });

  test("far past the limit, the 413 closes the connection instead of leaving the next request waiting", async ({ baseURL }) => {
    for (const path of ["/api/auth/login", "/api/keys"]) {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const refused = await send(agent, baseURL + path, { method: "POST", headers: path === "/api/keys" ? session : {}, bytes: 8 * MAX_BODY_BYTES });
        // The server stops reading and closes: the client sees the 413 marked `Connection: close`, or
        // (still writing when the socket closed) a reset; either way it does not wait.
        if ("status" in refused) expect(refused, path).toMatchObject({ status: 413, headers: { connection: "close" } });
        else expect(refused.error, path).toMatch(/EPIPE|ECONNRESET/);
        const next = await send(agent, `${baseURL}/api/health`, { method: "GET" });
        expect(next, path).toMatchObject({ status: 200, reusedSocket: false });
      } finally {
        agent.destroy();
      }
    }
  });
});

test("sign-in counts the socket's address: an X-Forwarded-For from an untrusted client changes nothing", async ({ baseURL }) => {
  const agent = new http.Agent({ keepAlive: false });
  const login = (forwardedFor: string) =>
    send(agent, `${baseURL}/api/auth/login`, {
      method: "POST",
      headers: { origin: baseURL!, "x-csrf-token": "local", "x-forwarded-for": forwardedFor },
      body: JSON.stringify({ email: "nobody-here@e2e.test", password: "a guess" }),
    });
  for (let i = 0; i < 10; i++) expect(await login(`198.51.100.${i + 1}`)).toMatchObject({ status: 401 });
  // Ten claimed addresses were one client: the eleventh try from "yet another" address is refused.
  const refused = await login("198.51.100.99");
  expect(refused).toMatchObject({ status: 429 });
  expect((refused as Answer).body).toMatch(/Too many sign-in attempts for this account from your address/);
});
