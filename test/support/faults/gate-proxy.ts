// An HTTP proxy in front of a test registry that forces interleavings: it can hold matching requests until a given
// number of them arrived (then release them in any order), or run an action (move a git branch...) when a matching
// request arrives, before forwarding it. The Host header is forwarded as is, so Distribution builds its Location
// URLs for the proxy and clients keep talking through it. For registries without auth only.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface GateRule {
  method?: string;
  /** Matched against the path including the query. */
  path: RegExp;
}

export interface HeldRequest {
  method: string;
  path: string;
  release(): void;
  /** Settles with the upstream status once the released request was answered (502 when it failed). */
  answered: Promise<number>;
}

export interface GateProxy {
  host: string;
  requests: Array<{ method: string; path: string; status?: number }>;
  /**
   * Holds the next `count` requests matching `rule`; resolves with them once all arrived, each released by the
   * caller. After `timeoutMs` whatever arrived is released and the promise rejects.
   */
  hold(rule: GateRule, count: number, timeoutMs?: number): Promise<HeldRequest[]>;
  /** Runs `action` when the next request matching `rule` arrives, before forwarding it; resolves after it ran. */
  before(rule: GateRule, action: () => Promise<void>): Promise<void>;
  stop(): Promise<void>;
}

interface Pending {
  rule: GateRule;
  remaining: number;
  held: HeldRequest[];
  done: (held: HeldRequest[]) => void;
  action?: () => Promise<void>;
}

const HOP_BY_HOP = ['connection', 'keep-alive', 'proxy-connection', 'upgrade', 'te', 'trailer'];

export async function startGateProxy(o: { target: string }): Promise<GateProxy> {
  const [targetHost, targetPort] = o.target.split(':') as [string, string];
  const pending: Pending[] = [];
  const requests: GateProxy['requests'] = [];
  const sockets = new Set<Socket>();

  const matches = (rule: GateRule, method: string, p: string): boolean =>
    (!rule.method || rule.method === method) && rule.path.test(p);

  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const p = req.url ?? '/';
    const entry: { method: string; path: string; status?: number } = { method, path: p };
    requests.push(entry);
    req.pause();
    let answered: (status: number) => void = () => undefined;
    const answer = new Promise<number>((r) => (answered = r));
    const forward = () => {
      const headers: http.OutgoingHttpHeaders = { ...req.headers };
      for (const h of HOP_BY_HOP) delete headers[h];
      const up = http.request({
        host: targetHost,
        port: Number(targetPort),
        method,
        path: p,
        headers,
        agent: false,
      });
      up.on('error', () => {
        answered(502);
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
      up.on('response', (ures) => {
        const out: http.OutgoingHttpHeaders = { ...ures.headers };
        for (const h of HOP_BY_HOP) delete out[h];
        entry.status = ures.statusCode;
        res.writeHead(ures.statusCode ?? 502, out);
        ures.pipe(res);
        ures.on('end', () => answered(ures.statusCode ?? 502));
      });
      req.pipe(up);
      req.resume();
    };
    const slot = pending.find((x) => x.remaining > 0 && matches(x.rule, method, p));
    if (!slot) {
      forward();
      return;
    }
    slot.remaining--;
    if (slot.action) {
      const action = slot.action;
      void action().then(
        () => {
          slot.done([]);
          forward();
        },
        () => {
          slot.done([]);
          forward();
        },
      );
      return;
    }
    let released = false;
    slot.held.push({
      method,
      path: p,
      release: () => {
        if (released) return;
        released = true;
        forward();
      },
      answered: answer,
    });
    if (slot.remaining === 0) slot.done(slot.held);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    requests,
    hold(rule, count, timeoutMs = 20_000) {
      return new Promise<HeldRequest[]>((resolve, reject) => {
        const slot: Pending = { rule, remaining: count, held: [], done: () => undefined };
        const timer = setTimeout(() => {
          slot.remaining = 0;
          for (const h of slot.held) h.release();
          reject(
            new Error(`gate: only ${slot.held.length} of ${count} ${rule.method ?? ''} ${rule.path} arrived`),
          );
        }, timeoutMs);
        slot.done = (held) => {
          clearTimeout(timer);
          resolve(held);
        };
        pending.push(slot);
      });
    },
    before(rule, action) {
      return new Promise<void>((resolve) => {
        pending.push({ rule, remaining: 1, held: [], done: () => resolve(), action });
      });
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const slot of pending) for (const h of slot.held) h.release();
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}
