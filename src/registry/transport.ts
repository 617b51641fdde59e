// HTTP plumbing for the registry client: one attempt per send() over node:http/https with an idle timeout, and a
// retry loop with exponential backoff + jitter that honours Retry-After.

import http from 'node:http';
import https from 'node:https';
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import { RegistryError, describeNetworkError, displayUrl } from './errors.js';

export interface RetryPolicy {
  /** Total attempts, including the first. */
  attempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is not waited for: the request fails instead. */
  maxRetryAfterMs: number;
}

export const defaultRetryPolicy: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 8_000,
  maxRetryAfterMs: 60_000,
};

/** Request body: bytes, or a factory so a retried attempt can re-open the source from its start. */
export type RequestBody = Buffer | (() => Readable);

export interface SendRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  body?: RequestBody;
}

export interface SentResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: IncomingMessage;
  url: URL;
  /** Settles once the request body was fully written (or failed); resolves with the error, never rejects. */
  requestDone: Promise<Error | undefined>;
}

export type TransportEvent =
  | { type: 'request'; method: string; url: string; status?: number; durationMs: number; error?: string }
  | { type: 'retry'; operation: string; attempt: number; delayMs: number; reason: string };

/**
 * The progress deadline: while an exchange waits on the registry (our bytes queued unsent, or a response body
 * awaited), at least `bytes` must move in every `intervalMs`. A registry that trickles a byte every few seconds
 * never trips the idle timeout; this aborts its attempt instead. Never a cap on a whole upload's time.
 */
export interface ProgressDeadline {
  bytes: number;
  intervalMs: number;
}

export const defaultProgressDeadline: ProgressDeadline = { bytes: 64 * 1024, intervalMs: 30_000 };

export interface TransportOptions {
  /** Idle timeout per attempt: no bytes moving in either direction for this long aborts the attempt. */
  timeoutMs: number;
  progress?: ProgressDeadline;
  retry: RetryPolicy;
  userAgent: string;
  onEvent?: (e: TransportEvent) => void;
  sleep?: (ms: number) => Promise<void>;
}

const IDLE_TIMEOUT = 'ERR_REGISTRY_IDLE_TIMEOUT';
const TOO_SLOW = 'ERR_REGISTRY_TOO_SLOW';
const RETRYABLE_NET_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'ERR_STREAM_PREMATURE_CLOSE',
  'UND_ERR_SOCKET',
  IDLE_TIMEOUT,
  TOO_SLOW,
]);

export function isRetryableStatus(status: number): boolean {
  return (
    status === 408 || status === 429 || status === 500 || status === 502 || status === 503 || status === 504
  );
}

export function isRetryableNetworkError(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return code !== undefined && RETRYABLE_NET_CODES.has(code);
}

export function isIdleTimeout(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === IDLE_TIMEOUT;
}

export function isTooSlow(err: unknown): boolean {
  return (err as NodeJS.ErrnoException | undefined)?.code === TOO_SLOW;
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or invalid. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!v) return undefined;
  if (/^[0-9]+$/.test(v)) return Number(v) * 1000;
  // Only the HTTP-date shapes, so that e.g. "5.5" or "soon" are rejected rather than guessed at.
  if (!/^[A-Za-z]{3},? /.test(v) && !/GMT$/.test(v)) return undefined;
  const at = Date.parse(v);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Delay before retry number `retry` (1-based): exponential, capped, "equal jitter" (half fixed, half random). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.round(exp / 2 + (random() * exp) / 2);
}

export class Transport {
  readonly options: TransportOptions;
  private readonly httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
  private readonly httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 16 });

  constructor(options: TransportOptions) {
    this.options = options;
  }

  /** Frees pooled sockets. */
  close(): void {
    this.httpAgent.destroy();
    this.httpsAgent.destroy();
  }

  /** One HTTP exchange; resolves when response headers arrive. Network errors and idle timeouts reject. */
  send(req: SendRequest): Promise<SentResponse> {
    const started = Date.now();
    const emit = this.options.onEvent;
    const timeoutMs = this.options.timeoutMs;
    return new Promise<SentResponse>((resolve, reject) => {
      const isHttps = req.url.protocol === 'https:';
      const headers: Record<string, string> = { 'User-Agent': this.options.userAgent, ...req.headers };
      if (Buffer.isBuffer(req.body)) headers['Content-Length'] = String(req.body.length);
      else if (req.body === undefined && methodHasBody(req.method)) headers['Content-Length'] = '0';
      const creq = (isHttps ? https : http).request(req.url, {
        method: req.method,
        headers,
        agent: isHttps ? this.httpsAgent : this.httpAgent,
        timeout: timeoutMs,
      });
      let settled = false;
      let bodyDone = false;
      let resolveDone: (e: Error | undefined) => void = () => undefined;
      const requestDone = new Promise<Error | undefined>((r) => (resolveDone = r));
      const finishBody = (e?: Error) => {
        if (bodyDone) return;
        bodyDone = true;
        resolveDone(e);
      };
      const fail = (err: Error) => {
        finishBody(err);
        if (settled) return;
        settled = true;
        emit?.({
          type: 'request',
          method: req.method,
          url: displayUrl(req.url),
          durationMs: Date.now() - started,
          error: describeNetworkError(err),
        });
        reject(err);
      };
      let response: IncomingMessage | undefined;
      const abort = (e: Error): void => {
        // Mid-body the reader sees the response's error: make it ours rather than a generic "aborted".
        response?.destroy(e);
        creq.destroy(e);
      };
      creq.on('timeout', () =>
        abort(Object.assign(new Error(`no activity for ${timeoutMs} ms`), { code: IDLE_TIMEOUT })),
      );
      const stopWatch = this.watchProgress(
        creq,
        () => response,
        () => bodyDone,
        abort,
      );
      creq.on('close', stopWatch);
      creq.on('error', fail);
      creq.on('response', (res) => {
        response = res;
        if (settled) {
          res.resume();
          return;
        }
        settled = true;
        emit?.({
          type: 'request',
          method: req.method,
          url: displayUrl(req.url),
          status: res.statusCode ?? 0,
          durationMs: Date.now() - started,
        });
        // A response that arrives before the body was sent (an early 401/413): stop sending once it is read.
        res.on('end', () => {
          if (!bodyDone) creq.destroy();
        });
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res, url: req.url, requestDone });
      });
      if (typeof req.body === 'function') {
        let source: Readable;
        try {
          source = req.body();
        } catch (e) {
          creq.destroy();
          fail(e instanceof Error ? e : new Error(String(e)));
          return;
        }
        pipeline(source, creq, (err) => {
          finishBody(err ?? undefined);
          if (err) fail(err);
        });
      } else {
        creq.end(req.body, () => finishBody());
      }
    });
  }

  /**
   * The progress deadline of one exchange: every interval, the bytes that moved on its socket since the last
   * check, counted only while the registry is the one being waited on — our bytes queued and not taken, response
   * headers arriving, or a response body awaited with nothing of it left unread. A slow source of ours (a layer
   * still being built) or a slow reader of the response (an upload elsewhere) is not the registry's slowness.
   * Waiting for the response with nothing arriving is the idle timeout's to judge (the registry may be working).
   */
  private watchProgress(
    creq: http.ClientRequest,
    response: () => IncomingMessage | undefined,
    bodySent: () => boolean,
    abort: (e: Error) => void,
  ): () => void {
    const deadline = this.options.progress;
    if (!deadline) return () => undefined;
    let socket: Socket | undefined;
    let read = 0;
    let written = 0;
    const moved = (): { read: number; written: number } => ({
      read: socket?.bytesRead ?? 0,
      // What the kernel took: bytes handed to the socket minus those still queued in it.
      written: socket ? socket.bytesWritten - socket.writableLength : 0,
    });
    creq.on('socket', (s) => {
      socket = s;
      ({ read, written } = moved());
    });
    const timer = setInterval(() => {
      if (!socket || socket.connecting) return;
      const now = moved();
      const got = now.read - read;
      const sent = now.written - written;
      ({ read, written } = now);
      const res = response();
      const waitingOnRegistry = res
        ? !res.complete && res.readableLength === 0
        : bodySent()
          ? got > 0
          : socket.writableLength > 0 || creq.writableLength > 0;
      if (!waitingOnRegistry || got + sent >= deadline.bytes) return;
      abort(
        Object.assign(
          new Error(
            `the registry moved ${got + sent} bytes in ${formatSeconds(deadline.intervalMs)}, under the progress deadline of ${deadline.bytes} bytes per ${formatSeconds(deadline.intervalMs)}`,
          ),
          { code: TOO_SLOW },
        ),
      );
    }, deadline.intervalMs);
    timer.unref();
    return () => clearInterval(timer);
  }

  /**
   * Runs `fn` until it succeeds, fails with a non-retryable error, or attempts run out. `fn` receives the attempt
   * number (1-based). Errors must already be RegistryErrors (`networkError` turns a socket error into one).
   */
  async retry<T>(operation: string, fn: (attempt: number) => Promise<T>, attempts?: number): Promise<T> {
    const policy = this.options.retry;
    const max = Math.max(1, attempts ?? policy.attempts);
    const sleep = this.options.sleep ?? defaultSleep;
    for (let attempt = 1; ; attempt++) {
      try {
        return await fn(attempt);
      } catch (e) {
        if (!(e instanceof RegistryError) || !e.retryable) throw e;
        if (attempt >= max) {
          throw max > 1 ? e.withDetail(`${e.detail} (gave up after ${attempt} attempts)`, attempt) : e;
        }
        let delayMs = backoffDelay(attempt, policy);
        if (e.retryAfterMs !== undefined) {
          if (e.retryAfterMs > policy.maxRetryAfterMs) {
            throw e.withDetail(
              `${e.detail} (registry asked to retry after ${Math.ceil(e.retryAfterMs / 1000)} s, over the ${Math.ceil(policy.maxRetryAfterMs / 1000)} s limit)`,
              attempt,
            );
          }
          delayMs = e.retryAfterMs;
        }
        this.options.onEvent?.({
          type: 'retry',
          operation,
          attempt,
          delayMs,
          reason: `${e.code}: ${e.detail}`,
        });
        await sleep(delayMs);
      }
    }
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}

function methodHasBody(method: string): boolean {
  return method === 'POST' || method === 'PUT' || method === 'PATCH';
}

function defaultSleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** A RegistryError for a failed exchange (connection reset, idle timeout…); retryable when retrying may help. */
export function networkError(
  err: unknown,
  ctx: { host: string; repository?: string | undefined; operation: string },
): RegistryError {
  if (err instanceof RegistryError) return err;
  const timeout = isIdleTimeout(err);
  const slow = isTooSlow(err);
  return new RegistryError({
    host: ctx.host,
    ...(ctx.repository ? { repository: ctx.repository } : {}),
    operation: ctx.operation,
    code: timeout ? 'TIMEOUT' : slow ? 'TOO_SLOW' : 'NETWORK',
    detail: timeout || slow ? `stalled: ${(err as Error).message}` : describeNetworkError(err),
    retryable: isRetryableNetworkError(err),
    cause: err,
  });
}

/** Reads a response body into memory, failing when it exceeds `limit` bytes. */
export async function readBody(res: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of res as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      res.destroy();
      throw Object.assign(new Error(`response body larger than ${limit} bytes`), {
        code: 'ERR_BODY_TOO_LARGE',
      });
    }
    chunks.push(chunk);
  }
  if (!res.complete) {
    throw Object.assign(new Error('response body ended early'), { code: 'ERR_STREAM_PREMATURE_CLOSE' });
  }
  return Buffer.concat(chunks);
}

/** Discards a response body so the socket can be reused; errors are irrelevant here. */
export async function drain(res: IncomingMessage): Promise<void> {
  try {
    await readBody(res, 1 << 20);
  } catch {
    res.destroy();
  }
}
