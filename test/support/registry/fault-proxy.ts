// An HTTP proxy in front of a test registry (and its token server) that injects scripted faults: connection resets
// mid-request-body or mid-response-body, error statuses (with a registry error body), 429 + Retry-After, stalled
// responses, bodies trickled a byte at a time either way. `Location` and the WWW-Authenticate realm are rewritten so clients keep talking through the proxy;
// other loopback upstreams (the token server) are reached as `/__upstream/<host:port>/<path>`.

import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import type { Readable, Writable } from 'node:stream';

export type FaultAction =
  /** Reset the client connection once `afterBytes` request-body bytes were forwarded (0: before forwarding). */
  | { type: 'reset'; afterBytes?: number }
  /** Forward the response headers and `afterBytes` body bytes, then reset. */
  | { type: 'reset-response'; afterBytes?: number }
  /** Forward the response headers and `afterBytes` body bytes, then hold the connection open silently. */
  | { type: 'stall-response'; afterBytes?: number }
  /** Answer this status without forwarding; 5xx/429 get a registry-style error body unless `body` is given. */
  | { type: 'status'; status: number; retryAfter?: string; body?: string }
  /** Read the request and never answer. */
  | { type: 'stall' }
  /** Forward the request body to the registry `bytes` (default 1) at a time, one slice every `everyMs`. */
  | { type: 'trickle'; bytes?: number; everyMs: number }
  /** Forward the response headers, then its body `bytes` (default 1) at a time, one slice every `everyMs`. */
  | { type: 'trickle-response'; bytes?: number; everyMs: number };

export interface Fault {
  method?: string;
  /** Matched against the proxied path including its query, e.g. `/v2/x/manifests/v1`, `/__upstream/…/token?…`. */
  path: RegExp;
  /** Which matching requests (1-based) get the fault; default [1]. */
  occurrences?: number[];
  action: FaultAction;
}

export interface InjectedFault {
  fault: number;
  method: string;
  path: string;
  occurrence: number;
  action: FaultAction['type'];
}

export interface ProxiedRequest {
  method: string;
  path: string;
  status?: number;
  fault?: FaultAction['type'];
}

export interface FaultProxy {
  host: string;
  url: string;
  injected: InjectedFault[];
  requests: ProxiedRequest[];
  /** Replaces the script and resets counters and logs (one proxy can serve several tests). */
  setFaults(faults: Fault[]): void;
  stop(): Promise<void>;
}

const UPSTREAM_PREFIX = '/__upstream/';
const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'upgrade', 'te', 'trailer'];

export async function startFaultProxy(o: { target: string; faults?: Fault[] }): Promise<FaultProxy> {
  let faults = o.faults ?? [];
  let counts = faults.map(() => 0);
  const injected: InjectedFault[] = [];
  const requests: ProxiedRequest[] = [];
  const sockets = new Set<Socket>();
  let self = '';

  /** Rewrites an absolute upstream URL so that it points at the proxy. */
  const rewriteUrl = (value: string, fromUpstream: string): string => {
    let u: URL;
    try {
      u = new URL(value, `http://${fromUpstream}`);
    } catch {
      return value;
    }
    if (u.protocol !== 'http:' || !isLoopback(u.hostname)) return value;
    const rest = `${u.pathname}${u.search}`;
    return u.host === o.target ? `http://${self}${rest}` : `http://${self}${UPSTREAM_PREFIX}${u.host}${rest}`;
  };

  const pick = (method: string, p: string): { index: number; action: FaultAction } | undefined => {
    let hit: { index: number; action: FaultAction } | undefined;
    faults.forEach((f, i) => {
      if ((f.method && f.method !== method) || !f.path.test(p)) return;
      counts[i] = (counts[i] ?? 0) + 1;
      if (!hit && (f.occurrences ?? [1]).includes(counts[i] ?? 0)) {
        hit = { index: i, action: f.action };
        injected.push({ fault: i, method, path: p, occurrence: counts[i] ?? 0, action: f.action.type });
      }
    });
    return hit;
  };

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const p = req.url ?? '/';
    const entry: ProxiedRequest = { method, path: p };
    requests.push(entry);
    let upstream = o.target;
    let upstreamPath = p;
    if (p.startsWith(UPSTREAM_PREFIX)) {
      const rest = p.slice(UPSTREAM_PREFIX.length);
      const slash = rest.indexOf('/');
      upstream = slash < 0 ? rest : rest.slice(0, slash);
      upstreamPath = slash < 0 ? '/' : rest.slice(slash);
      if (!isLoopback(upstream.replace(/:[0-9]+$/, ''))) {
        res.writeHead(403).end();
        return;
      }
    }
    const fault = pick(method, p);
    if (fault) entry.fault = fault.action.type;
    const action = fault?.action;

    if (action?.type === 'status') {
      req.resume();
      req.on('end', () => {
        const body =
          action.body ??
          JSON.stringify({
            errors: [
              {
                code: action.status === 429 ? 'TOOMANYREQUESTS' : 'UNAVAILABLE',
                message: 'injected fault',
              },
            ],
          });
        const headers: Record<string, string> = { 'Content-Type': 'application/json' };
        if (action.retryAfter !== undefined) headers['Retry-After'] = action.retryAfter;
        entry.status = action.status;
        res.writeHead(action.status, headers);
        res.end(body);
      });
      return;
    }
    if (action?.type === 'stall') {
      req.resume();
      return;
    }

    const [host, port] = splitHost(upstream);
    const headers: http.OutgoingHttpHeaders = { ...req.headers, host: upstream };
    for (const h of HOP_BY_HOP) delete headers[h];
    const up = http.request({ host, port, method, path: upstreamPath, headers, agent: false });
    const reset = () => {
      up.destroy();
      req.socket.resetAndDestroy();
    };
    up.on('error', () => {
      if (!res.headersSent) res.writeHead(502).end();
      else res.destroy();
    });
    up.on('response', (ures) => {
      const out: http.OutgoingHttpHeaders = { ...ures.headers };
      for (const h of HOP_BY_HOP) delete out[h];
      if (typeof out.location === 'string') out.location = rewriteUrl(out.location, upstream);
      const www = out['www-authenticate'];
      if (www !== undefined) {
        const fix = (v: string) =>
          v.replace(/realm="([^"]*)"/i, (_m, r: string) => `realm="${rewriteUrl(r, upstream)}"`);
        out['www-authenticate'] = Array.isArray(www) ? www.map(fix) : fix(String(www));
      }
      entry.status = ures.statusCode;
      res.writeHead(ures.statusCode ?? 502, out);
      if (action?.type === 'trickle-response') {
        res.flushHeaders();
        trickle(ures, res, action.bytes ?? 1, action.everyMs);
        return;
      }
      if (action?.type === 'reset-response' || action?.type === 'stall-response') {
        let left = action.afterBytes ?? 0;
        // Let the partial body reach the client first; a stall just never sends the rest.
        const cut = () => {
          if (action.type === 'reset-response') setTimeout(reset, 20);
        };
        res.flushHeaders();
        ures.on('data', (c: Buffer) => {
          if (left <= 0) return;
          const part = c.subarray(0, left);
          left -= part.length;
          res.write(part);
          if (left <= 0) cut();
        });
        ures.on('end', cut);
        return;
      }
      ures.pipe(res);
    });

    if (action?.type === 'trickle') {
      trickle(req, up, action.bytes ?? 1, action.everyMs);
      return;
    }
    if (action?.type === 'reset') {
      const limit = action.afterBytes ?? 0;
      let sent = 0;
      if (limit === 0) {
        reset();
        return;
      }
      req.on('data', (c: Buffer) => {
        if (sent >= limit) return;
        const part = c.subarray(0, limit - sent);
        sent += part.length;
        up.write(part);
        if (sent >= limit) setTimeout(reset, 20);
      });
      req.on('end', () => {
        if (sent < limit) reset();
      });
      return;
    }
    req.pipe(up);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  self = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host: self,
    url: `http://${self}`,
    injected,
    requests,
    setFaults(f) {
      faults = f;
      counts = f.map(() => 0);
      injected.length = 0;
      requests.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** Copies `from` to `to` at `bytes` per `everyMs`, ending `to` after the last slice; stops when either side closes. */
function trickle(from: NodeJS.ReadableStream & Readable, to: Writable, bytes: number, everyMs: number): void {
  const queue: Buffer[] = [];
  let ended = false;
  const timer = setInterval(() => {
    const head = queue[0];
    if (!head) {
      if (ended) {
        clearInterval(timer);
        to.end();
      }
      return;
    }
    to.write(head.subarray(0, bytes));
    if (head.length > bytes) queue[0] = head.subarray(bytes);
    else {
      queue.shift();
      if (queue.length === 0) from.resume();
    }
  }, everyMs);
  from.on('data', (c: Buffer) => {
    queue.push(c);
    from.pause();
  });
  from.on('end', () => (ended = true));
  const stop = (): void => clearInterval(timer);
  from.on('close', () => {
    if (!ended) stop();
  });
  to.on('close', stop);
  to.on('error', stop);
}

function splitHost(hostPort: string): [string, number] {
  const m = /^(.*):([0-9]+)$/.exec(hostPort);
  return m ? [m[1] ?? hostPort, Number(m[2])] : [hostPort, 80];
}

function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.[0-9]{1,3}){3}$/.test(hostname);
}
