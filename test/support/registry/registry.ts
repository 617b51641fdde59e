// Starts a real CNCF Distribution 2.8 (`docker-registry serve`) on 127.0.0.1 with its own config in a temp dir
// (never the packaged default config): anonymous, htpasswd (bcrypt) or token auth.

import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import http from 'node:http';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { run } from './exec.js';
import { startTokenServer, type TokenRequest, type TokenServer } from './token-server.js';
import { ensureRegistryTools } from './tools.js';

export type RegistryAuth = 'none' | 'htpasswd' | 'token';

export interface TestRegistry {
  /** `127.0.0.1:<port>` */
  host: string;
  /** `http://127.0.0.1:<port>` */
  url: string;
  auth: RegistryAuth;
  users: Record<string, string>;
  /** user → identity token accepted by the token server's OAuth2 refresh_token grant (token auth only). */
  identityTokens: Record<string, string>;
  /** Requests the token server answered (token auth only), in order. */
  tokenRequests: TokenRequest[];
  /** The token server's `host:port` (token auth only). */
  tokenHost?: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface StartRegistryOptions {
  auth?: RegistryAuth;
  /** Defaults to one user, `ci-user` / `ci-secret-password`, when auth is on. */
  users?: Record<string, string>;
}

export const SERVICE = 'test-registry';
export const ISSUER = 'test-issuer';
const READY_TIMEOUT_MS = 15_000;

export async function startRegistry(o: StartRegistryOptions = {}): Promise<TestRegistry> {
  await ensureRegistryTools();
  const auth = o.auth ?? 'none';
  const users = auth === 'none' ? {} : (o.users ?? { 'ci-user': 'ci-secret-password' });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pkgstore-registry-'));
  let tokenServer: TokenServer | undefined;
  try {
    const identityTokens: Record<string, string> = {};
    let authConfig = '';
    if (auth === 'htpasswd') {
      const lines: string[] = [];
      for (const [user, pass] of Object.entries(users)) {
        // -B: Distribution only accepts bcrypt entries; -i: password on stdin, not in argv.
        const { stdout } = await run('htpasswd', ['-B', '-i', '-n', user], { input: pass });
        lines.push(stdout.toString('utf8').trim());
      }
      const file = path.join(dir, 'htpasswd');
      await writeFile(file, `${lines.join('\n')}\n`);
      authConfig = `auth:\n  htpasswd:\n    realm: test-realm\n    path: ${JSON.stringify(file)}\n`;
    } else if (auth === 'token') {
      for (const user of Object.keys(users))
        identityTokens[user] = `idt-${user}-${randomBytes(8).toString('hex')}`;
      tokenServer = await startTokenServer({
        dir,
        users,
        identityTokens: Object.fromEntries(Object.entries(identityTokens).map(([u, t]) => [t, u])),
        issuer: ISSUER,
        service: SERVICE,
      });
      authConfig =
        `auth:\n  token:\n    realm: ${JSON.stringify(tokenServer.realm)}\n    service: ${SERVICE}\n` +
        `    issuer: ${ISSUER}\n    rootcertbundle: ${JSON.stringify(tokenServer.certPath)}\n`;
    }
    const dataDir = path.join(dir, 'data');
    let lastError: Error | undefined;
    // A free port can be taken between probing and binding (parallel test files): try a few.
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      const config = path.join(dir, 'config.yml');
      await writeFile(config, registryConfig(port, dataDir, authConfig));
      try {
        const child = await launch(config, port);
        const host = `127.0.0.1:${port}`;
        const ts = tokenServer;
        return {
          host,
          url: `http://${host}`,
          auth,
          users,
          identityTokens,
          tokenRequests: ts?.requests ?? [],
          ...(ts ? { tokenHost: ts.host } : {}),
          dataDir,
          stop: async () => {
            await kill(child);
            await ts?.stop();
            await rm(dir, { recursive: true, force: true });
          },
        };
      } catch (e) {
        lastError = e as Error;
        if (!/address already in use/i.test(lastError.message)) break;
      }
    }
    throw lastError ?? new Error('docker-registry did not start');
  } catch (e) {
    await tokenServer?.stop();
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
}

function registryConfig(port: number, dataDir: string, authConfig: string): string {
  return [
    'version: 0.1',
    'log:',
    '  level: warn',
    '  accesslog:',
    '    disabled: true',
    'storage:',
    '  filesystem:',
    `    rootdirectory: ${JSON.stringify(dataDir)}`,
    '  delete:',
    '    enabled: true',
    '  maintenance:',
    '    uploadpurging:',
    '      enabled: false',
    'http:',
    `  addr: 127.0.0.1:${port}`,
    '  secret: package-storage-actions-test-secret',
    authConfig,
  ].join('\n');
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

async function launch(config: string, port: number): Promise<ChildProcess> {
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // A crashed test run must not leave registries behind.
    process.once('exit', () => {
      for (const c of running) c.kill('SIGKILL');
    });
  }
  const child = spawn('docker-registry', ['serve', config], { stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const collect = (c: Buffer) => {
    output = (output + c.toString('utf8')).slice(-16_000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: string | undefined;
  child.on('exit', (code, signal) => {
    exited = signal ?? `exit ${code}`;
    running.delete(child);
  });
  child.on('error', (e) => {
    exited = e.message;
  });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (exited !== undefined) break;
    const status = await probe(port);
    if (status === 200 || status === 401) return child;
    await new Promise((r) => setTimeout(r, 100));
  }
  await kill(child);
  throw new Error(
    `docker-registry on 127.0.0.1:${port} did not become ready (${exited ?? 'timeout'}): ${output.trim() || '(no output)'}`,
  );
}

function probe(port: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/v2/', agent: false, timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(undefined));
  });
}

async function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}
