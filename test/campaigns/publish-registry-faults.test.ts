// A fault campaign against publish-image: the fault-injecting proxy in front of real Distribution 2.8 registries
// (anonymous, then token auth so the token endpoint can fail too). Many publishes of changing channel content, each
// with single faults or seeded random combinations (some persistent enough to exhaust the retries). After every run
// an independent reader (plain HTTP, plus skopeo) checks that every channel tag and every commit tag is either
// unchanged or names a complete image: manifest, config and every layer present, and the digest the run reported
// (or, for a failed run, an image of exactly the commits that run was publishing).
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { invoke } from '../../src/cli/invoke.js';
import { main } from '../../src/cli/main.js';
import { loadLocalPolicy } from '../../src/cli/repo.js';
import { resolveBranch } from '../../src/git/local.js';
import { publishImages, type PublishResult } from '../../src/publish-image/engine.js';
import { RegistryClient } from '../../src/registry/index.js';
import { RegistryReader } from '../support/faults/registry-reader.js';
import { cleanupTempDirs, git, tempDir } from '../support/git.js';
import { Prng } from '../support/manifests.js';
import {
  seedBaseImage,
  skopeoInspect,
  type SeededBaseImage,
  startFaultProxy,
  startRegistry,
  type Fault,
  type FaultProxy,
  type TestRegistry,
} from '../support/registry/index.js';
import { StorageOrigin } from '../support/storage-origin.js';

const SEED = Number(process.env.FAULTS_SEED ?? 20251122);
// CI's size: every kind alone once, then a few seeded combinations per phase. `npm run campaign:faults` runs
// FAULTS_SCALE=4 (four times the combinations); any seed and scale can be replayed.
const SCALE = Math.max(1, Number(process.env.FAULTS_SCALE ?? 1));
const USER = 'ci-user';
const PASSWORD = 'campaign-Secret-42';
const CHANNELS = ['production', 'staging', 'snapshot'] as const;
type Channel = (typeof CHANNELS)[number];
const NAMES = ['nginx', 'apm', 'system', 'aws_s3', 'mysql', 'redis', 'kafka'];

interface Phase {
  name: string;
  registry: TestRegistry;
  proxy: FaultProxy;
  reader: RegistryReader;
  repository: string;
  creds?: { username: string; password: string };
}

interface Outcome {
  code: number;
  err: string[];
  result?: PublishResult;
  mode: 'cli' | 'engine';
}

interface Totals {
  runs: number;
  failed: number;
  injected: number;
  inconsistent: number;
  problems: string[];
  /** Fault kinds that were actually injected at least once. */
  kinds: Set<string>;
}

let plain: TestRegistry;
let token: TestRegistry;
let plainProxy: FaultProxy;
let tokenProxy: FaultProxy;
let origin: StorageOrigin;
let clone: string;
let plainBase: SeededBaseImage;
/** A Docker config with the token registry's credentials (for the proxy's host), as docker/login-action writes. */
let dockerConfig: string;
const totals: Totals = { runs: 0, failed: 0, injected: 0, inconsistent: 0, problems: [], kinds: new Set() };
const rng = new Prng(SEED);
let commitCounter = 0;

async function seedRegistry(
  registry: TestRegistry,
  creds?: { username: string; password: string },
): Promise<SeededBaseImage> {
  const client = creds ? { credentials: creds } : {};
  const seeded = await seedBaseImage({
    host: registry.host,
    repository: 'package-registry/package-registry',
    client,
  });
  const c = new RegistryClient(registry.host, client);
  const index = await c.getManifest('package-registry/package-registry', 'multi');
  await c.putManifest('package-registry/package-registry', 'v1.15.0', index.bytes, index.mediaType);
  c.close();
  return seeded;
}

beforeAll(async () => {
  [plain, token] = await Promise.all([
    startRegistry(),
    startRegistry({ auth: 'token', users: { [USER]: PASSWORD } }),
  ]);
  [plainProxy, tokenProxy] = await Promise.all([
    startFaultProxy({ target: plain.host }),
    startFaultProxy({ target: token.host }),
  ]);
  dockerConfig = await tempDir('faults-docker-config');
  await writeFile(
    join(dockerConfig, 'config.json'),
    JSON.stringify({
      auths: { [tokenProxy.host]: { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') } },
    }),
  );
  await Promise.all([
    seedRegistry(plain).then((s) => (plainBase = s)),
    seedRegistry(token, { username: USER, password: PASSWORD }),
    (async () => {
      origin = await StorageOrigin.create({
        branches: {
          production: [
            { name: 'nginx', version: '1.5.0', seed: 1 },
            { name: 'system', version: '1.19.5', seed: 2 },
          ],
          staging: [{ name: 'apm', version: '8.0.0', seed: 3 }],
          snapshot: [{ name: 'apm', version: '8.1.0-rc1', seed: 4 }],
        },
      });
      clone = await tempDir('faults-clone');
      await git(['clone', '--quiet', origin.bare, clone]);
    })(),
  ]);
});

afterAll(async () => {
  await Promise.all([plainProxy?.stop(), tokenProxy?.stop()]);
  await Promise.all([plain?.stop(), token?.stop()]);
  await cleanupTempDirs();
});

/** Channels built on a push to `branch`: it and every less stable one (what the action does). */
function chainFrom(branch: Channel): Channel[] {
  return CHANNELS.slice(CHANNELS.indexOf(branch));
}

/** A new package version on a channel (sometimes an in-place rebuild on snapshot), then the clone fetches. */
async function changeContent(): Promise<Channel> {
  const n = ++commitCounter;
  const branch = rng.weighted<Channel>([
    ['snapshot', 6],
    ['staging', 3],
    ['production', 1],
  ]);
  const name = rng.pick(NAMES);
  const version = branch === 'snapshot' && rng.chance(0.2) ? '8.1.0-rc1' : `${1 + (n % 3)}.${n}.0`;
  await origin.commit(branch, {
    add: [{ name: version === '8.1.0-rc1' ? 'apm' : name, version, seed: 1000 + n }],
  });
  await git(['-C', clone, 'fetch', '--quiet', 'origin']);
  return branch;
}

async function tips(): Promise<Record<Channel, string>> {
  const out = {} as Record<Channel, string>;
  for (const c of CHANNELS) out[c] = (await resolveBranch(clone, c))!.sha;
  return out;
}

/** `io.package-storage.commits` an image of `channel` built from `t` must carry. */
function expectedCommits(channel: Channel, t: Record<Channel, string>): Record<string, string> {
  return Object.fromEntries(CHANNELS.slice(0, CHANNELS.indexOf(channel) + 1).map((c) => [c, t[c]]));
}

const sameJson = (a: object | undefined, b: object): boolean =>
  a !== undefined && JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

/** The real CLI, in process, with its default client (30 s idle timeout, 5 attempts). */
async function cliRun(phase: Phase, channel: Channel): Promise<Outcome> {
  const out: string[] = [];
  const err: string[] = [];
  // The CLI takes credentials from the Docker config (a password only on stdin).
  if (phase.creds) vi.stubEnv('DOCKER_CONFIG', dockerConfig);
  const code = await main(
    [
      'publish-image',
      '--repo',
      clone,
      '--channel',
      channel,
      '--chain',
      '--image',
      `${phase.proxy.host}/${phase.repository}`,
      '--base-image',
      `${phase.proxy.host}/package-registry/package-registry`,
      '--push',
      '--json',
    ],
    { out: (l) => out.push(l), err: (l) => err.push(l) },
  );
  vi.unstubAllEnvs();
  return {
    code,
    err,
    mode: 'cli',
    ...(code === 0 ? { result: JSON.parse(out.join('\n')) as PublishResult } : {}),
  };
}

interface EngineOptions {
  /** Channels to build, most stable first or not (the engine sorts). */
  channels: Channel[];
  image: string;
  baseImage: string;
  /** Credentials per registry host (the proxy's host:port). */
  credsFor?: (host: string) => { username: string; password: string } | undefined;
  retry?: { attempts: number; baseDelayMs: number; maxDelayMs: number };
}

/**
 * The engine as the CLI runs it (same error reporting through `invoke`), with a client that has a short idle
 * timeout and quick retries: the CLI and the action have no timeout knob, and a stalled registry must be abandoned.
 */
async function engine(o: EngineOptions): Promise<Outcome> {
  const err: string[] = [];
  let result: PublishResult | undefined;
  const code = await invoke(
    'publish-image',
    async () => {
      const { policy } = await loadLocalPolicy(clone, undefined);
      const t = new Map<string, string | undefined>();
      for (const c of policy.channels) t.set(c.branch, (await resolveBranch(clone, c.branch))?.sha);
      const clients = new Map<string, RegistryClient>();
      const clientFor = (host: string): RegistryClient => {
        let c = clients.get(host);
        if (!c) {
          const creds = o.credsFor?.(host);
          clients.set(
            host,
            (c = new RegistryClient(host, {
              timeoutMs: 1_000,
              retry: o.retry ?? { attempts: 4, baseDelayMs: 10, maxDelayMs: 80 },
              ...(creds ? { credentials: creds } : {}),
            })),
          );
        }
        return c;
      };
      try {
        result = await publishImages({
          repoDir: clone,
          policy,
          channels: o.channels,
          tips: t,
          image: o.image,
          baseImage: o.baseImage,
          push: true,
          clientFor,
        });
      } finally {
        for (const c of clients.values()) c.close();
      }
      return 0;
    },
    [],
    { out: () => undefined, err: (l) => err.push(l) },
  );
  return { code, err, mode: 'engine', ...(result ? { result } : {}) };
}

function engineRun(phase: Phase, channel: Channel): Promise<Outcome> {
  return engine({
    channels: chainFrom(channel),
    image: `${phase.proxy.host}/${phase.repository}`,
    baseImage: `${phase.proxy.host}/package-registry/package-registry`,
    ...(phase.creds ? { credsFor: () => phase.creds } : {}),
  });
}

// ---- faults ----------------------------------------------------------------------------------------------------

type Kind =
  | 'patch-reset'
  | 'manifest-put-500'
  | 'manifest-put-503'
  | 'manifest-put-reset-response'
  | 'blob-commit-reset-response'
  | 'upload-post-503'
  | 'head-429'
  | 'get-manifest-stall-response'
  | 'manifest-put-stall'
  | 'head-manifest-stall'
  | 'blob-get-reset-response'
  | 'token-500'
  | 'token-reset';

/** Kinds that need the short idle timeout (engine runs only). */
const STALLS: Kind[] = ['get-manifest-stall-response', 'manifest-put-stall', 'head-manifest-stall'];
const TOKEN_KINDS: Kind[] = ['token-500', 'token-reset'];

function fault(kind: Kind, occurrences: number[]): Fault & { kind: Kind } {
  const manifests = /\/v2\/.+\/manifests\//;
  const base = (f: Fault): Fault & { kind: Kind } => ({ ...f, occurrences, kind });
  switch (kind) {
    case 'patch-reset':
      return base({
        method: 'PATCH',
        path: /\/blobs\/uploads\//,
        action: { type: 'reset', afterBytes: rng.range(1, 4000) },
      });
    case 'manifest-put-500':
      return base({ method: 'PUT', path: manifests, action: { type: 'status', status: 500 } });
    case 'manifest-put-503':
      return base({ method: 'PUT', path: manifests, action: { type: 'status', status: 503 } });
    case 'manifest-put-reset-response':
      // The registry stores the manifest; the answer is lost.
      return base({ method: 'PUT', path: manifests, action: { type: 'reset-response' } });
    case 'blob-commit-reset-response':
      return base({ method: 'PUT', path: /\/blobs\/uploads\/.*digest=/, action: { type: 'reset-response' } });
    case 'upload-post-503':
      return base({
        method: 'POST',
        path: /\/blobs\/uploads\/(\?.*)?$/,
        action: { type: 'status', status: 503 },
      });
    case 'head-429':
      return base({
        method: 'HEAD',
        path: /\/v2\/.+\/(blobs|manifests)\//,
        // Mostly "0" (retry now): a campaign of one-second waits would not fit the time budget; "1" is honoured too.
        action: { type: 'status', status: 429, retryAfter: rng.chance(0.25) ? '1' : '0' },
      });
    case 'get-manifest-stall-response':
      return base({ method: 'GET', path: manifests, action: { type: 'stall-response', afterBytes: 20 } });
    case 'manifest-put-stall':
      return base({ method: 'PUT', path: manifests, action: { type: 'stall' } });
    case 'head-manifest-stall':
      return base({ method: 'HEAD', path: manifests, action: { type: 'stall' } });
    case 'blob-get-reset-response':
      return base({
        method: 'GET',
        path: /\/blobs\/sha256:/,
        action: { type: 'reset-response', afterBytes: 10 },
      });
    case 'token-500':
      return base({
        method: 'GET',
        path: /\/__upstream\/.*\/token/,
        action: { type: 'status', status: 500 },
      });
    case 'token-reset':
      return base({ method: 'GET', path: /\/__upstream\/.*\/token/, action: { type: 'reset' } });
  }
}

const persistent = Array.from({ length: 40 }, (_, i) => i + 1);

/**
 * Run `i` of a phase: the first runs inject each kind alone, once; then seeded random combinations of 2–3 kinds,
 * each at a random occurrence, sometimes persistent (every matching request fails, so retries run out). Every
 * fourth run is the real CLI (default client: 30 s idle timeout), so it never gets a stall.
 */
function plan(i: number, kinds: Kind[]): { mode: Outcome['mode']; faults: Array<Fault & { kind: Kind }> } {
  const single = kinds[i];
  if (single !== undefined)
    return {
      mode: i % 4 === 3 && !STALLS.includes(single) ? 'cli' : 'engine',
      faults: [fault(single, [1])],
    };
  const mode = i % 4 === 3 ? 'cli' : 'engine';
  const usable = mode === 'cli' ? kinds.filter((k) => !STALLS.includes(k)) : kinds;
  const picked = new Set<Kind>();
  const n = rng.range(2, 3);
  while (picked.size < n) picked.add(rng.pick(usable));
  return {
    mode,
    faults: [...picked].map((k) => {
      // Persistent faults go to engine runs: the CLI's default backoff would make each one cost seconds.
      const stubborn = mode === 'engine' && rng.chance(0.15);
      return fault(k, stubborn ? persistent : [rng.range(1, 3)]);
    }),
  };
}

// ---- consistency ---------------------------------------------------------------------------------------------

function isCommitTag(tag: string): boolean {
  return /^[0-9a-f]{40}$/.test(tag);
}

/**
 * Every tag is unchanged or names a complete image: the digest the run reported, or for a failed run an image of
 * the channel's commits in this run. Returns the problems found (empty: consistent).
 */
async function checkConsistency(
  phase: Phase,
  before: Map<string, string>,
  outcome: Outcome,
  t: Record<Channel, string>,
): Promise<string[]> {
  const problems: string[] = [];
  const repo = phase.repository;
  const after = await phase.reader.tagDigests(repo);
  for (const [tag, digest] of before)
    if (!after.has(tag)) problems.push(`${tag} disappeared (was ${digest})`);
  const reported = new Map<string, string>();
  const kept = new Set<string>();
  for (const image of outcome.result?.images ?? []) {
    for (const ref of image.tags) reported.set(ref.slice(ref.lastIndexOf(':') + 1), image.digest);
    for (const k of image.keptTags) kept.add(k);
  }
  const moved: string[] = [];
  for (const [tag, digest] of after) {
    if (before.get(tag) === digest) continue;
    moved.push(tag);
    const check = await phase.reader.checkImage(repo, digest);
    if (!check.complete) problems.push(`${tag} -> ${digest} is incomplete: ${check.problems.join('; ')}`);
    // The SBOM referrers index of an image (`sha256-<hex>`): complete artifacts is all it must be.
    if (tag.startsWith('sha256-')) continue;
    const channel = check.labels['io.package-storage.channel'] as Channel | undefined;
    if (!channel || !CHANNELS.includes(channel)) {
      problems.push(`${tag} -> ${digest} has no channel label`);
      continue;
    }
    if (!isCommitTag(tag) && tag !== channel) problems.push(`${tag} -> an image of channel ${channel}`);
    if (isCommitTag(tag) && check.labels['org.opencontainers.image.revision'] !== tag)
      problems.push(`${tag} -> an image of revision ${check.labels['org.opencontainers.image.revision']}`);
    if (outcome.code === 0) {
      if (reported.get(tag) !== digest)
        problems.push(`${tag} -> ${digest}, the run reported ${reported.get(tag)}`);
    } else if (!sameJson(check.commits, expectedCommits(channel, t)))
      problems.push(
        `${tag} moved in a failed run to an image of other commits: ${JSON.stringify(check.commits)}`,
      );
  }
  if (outcome.code === 0)
    for (const [tag, digest] of reported)
      if (!kept.has(tag) && after.get(tag) !== digest)
        problems.push(`${tag} -> ${after.get(tag)}, the run reported ${digest}`);
  // Second opinion from containers/image on the moved tags: the stored manifest bytes hash to the same digest.
  await Promise.all(
    moved.map(async (tag) => {
      const raw = await skopeoInspect(`${phase.registry.host}/${repo}:${tag}`, {
        raw: true,
        ...(phase.creds ? { creds: `${phase.creds.username}:${phase.creds.password}` } : {}),
      });
      const digest = `sha256:${createHash('sha256').update(raw.stdout).digest('hex')}`;
      if (digest !== after.get(tag)) problems.push(`skopeo reads ${tag} as ${digest}, not ${after.get(tag)}`);
    }),
  );
  return problems;
}

async function campaign(phase: Phase, runs: number, kinds: Kind[]): Promise<void> {
  const started = Date.now();
  const local = { runs: 0, failed: 0, injected: 0, inconsistent: 0 };
  for (let i = 0; i < runs; i++) {
    const changed = await changeContent();
    const t = await tips();
    const { mode, faults } = plan(i, kinds);
    const before = await phase.reader.tagDigests(phase.repository);
    phase.proxy.setFaults(faults);
    const runStarted = Date.now();
    const outcome = await (mode === 'cli' ? cliRun : engineRun)(phase, changed);
    const runMs = Date.now() - runStarted;
    const injected = [...phase.proxy.injected];
    phase.proxy.setFaults([]);
    for (const f of injected) totals.kinds.add(faults[f.fault]!.kind);
    local.runs++;
    local.injected += injected.length;
    const label = `${phase.name} run ${i + 1} (${mode}, ${faults.map((f) => `${f.kind}${f.occurrences === persistent ? '*' : `@${f.occurrences?.join(',')}`}`).join(' + ')})`;
    if (outcome.code !== 0) {
      local.failed++;
      // A failed run ends with one clear line: who failed doing what, never a stack trace.
      if (
        outcome.err.length !== 1 ||
        !/^package-storage publish-image: registry 127\.0\.0\.1:\d+/.test(outcome.err[0] ?? '') ||
        /\n\s+at /.test(outcome.err.join('\n'))
      )
        totals.problems.push(`${label}: unclear failure output: ${JSON.stringify(outcome.err)}`);
    }
    const checkStarted = Date.now();
    const problems = await checkConsistency(phase, before, outcome, t);
    if (process.env.FAULTS_VERBOSE)
      console.log(
        `${label}: ${outcome.code === 0 ? 'ok' : outcome.err.join(' / ')}; ${injected.length} injected; run ${runMs} ms, check ${Date.now() - checkStarted} ms`,
      );
    if (problems.length > 0) {
      local.inconsistent++;
      totals.problems.push(`${label}: ${problems.join(' | ')}`);
    }
  }
  totals.runs += local.runs;
  totals.failed += local.failed;
  totals.injected += local.injected;
  totals.inconsistent += local.inconsistent;
  console.log(
    `${phase.name}: faults injected: ${local.injected}, runs: ${local.runs}, failed runs: ${local.failed}, inconsistent: ${local.inconsistent} (${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );

  // No faults any more: the next run succeeds and every channel tag ends on the image of the latest commits.
  const t = await tips();
  const before = await phase.reader.tagDigests(phase.repository);
  const final = await engineRun(phase, 'production');
  expect(final.code, final.err.join('\n')).toBe(0);
  expect(await checkConsistency(phase, before, final, t)).toEqual([]);
  for (const image of final.result!.images) {
    const channel = image.channel as Channel;
    const m = await phase.reader.manifest(phase.repository, channel);
    expect(m?.digest).toBe(image.digest);
    const check = await phase.reader.checkImage(phase.repository, image.digest);
    expect(check.complete, check.problems.join('; ')).toBe(true);
    expect(check.commits).toEqual(expectedCommits(channel, t));
  }
}

describe('publish-image under injected registry faults', () => {
  it(
    'keeps every tag on a complete image through a seeded fault campaign, and converges',
    async () => {
      const all: Kind[] = [
        'patch-reset',
        'manifest-put-500',
        'manifest-put-503',
        'head-429',
        'get-manifest-stall-response',
        'manifest-put-stall',
        'manifest-put-reset-response',
        'blob-commit-reset-response',
        'upload-post-503',
        'head-manifest-stall',
        'blob-get-reset-response',
      ];
      const anonymous: Phase = {
        name: 'anonymous registry',
        registry: plain,
        proxy: plainProxy,
        reader: new RegistryReader(plain.host),
        repository: 'acme/distribution',
      };
      const creds = { username: USER, password: PASSWORD };
      const withToken: Phase = {
        name: 'token auth registry',
        registry: token,
        proxy: tokenProxy,
        reader: new RegistryReader(token.host, creds),
        repository: 'acme/distribution',
        creds,
      };
      try {
        await campaign(anonymous, all.length + Math.round(6 * SCALE), all);
        // Token auth: the token endpoint fails once first, then mixed with the registry faults.
        const tokenKinds: Kind[] = [
          ...TOKEN_KINDS,
          'patch-reset',
          'manifest-put-503',
          'head-429',
          'head-manifest-stall',
        ];
        await campaign(withToken, tokenKinds.length + Math.round(3 * SCALE), tokenKinds);
      } finally {
        anonymous.reader.close();
        withToken.reader.close();
      }
      console.log(
        `faults injected: ${totals.injected}, runs: ${totals.runs}, failed runs: ${totals.failed}, inconsistent: ${totals.inconsistent} (seed ${SEED}; kinds injected: ${[...totals.kinds].sort().join(', ')})`,
      );
      expect(totals.problems).toEqual([]);
      expect(totals.inconsistent).toBe(0);
      // The campaign did what it says: every kind was injected, and some runs ran out of retries.
      expect([...totals.kinds].sort()).toEqual([...new Set([...all, ...TOKEN_KINDS])].sort());
      expect(totals.failed).toBeGreaterThan(0);
      expect(totals.failed).toBeLessThan(totals.runs);
    },
    240_000 * SCALE,
  );

  // A reset while the source of a cross-registry upload is streaming (the base layer's download) is retried.
  it('retries a base layer upload when the base registry cuts the stream mid-blob', async () => {
    const layer = plainBase.platforms.amd64.layers[0]!.descriptor;
    plainProxy.setFaults([
      {
        method: 'GET',
        path: new RegExp(`/blobs/${layer.digest}$`),
        action: { type: 'reset-response', afterBytes: 10 },
      },
    ]);
    const creds = { username: USER, password: PASSWORD };
    const r = await engine({
      channels: ['production'],
      image: `${tokenProxy.host}/acme/cross-registry`,
      baseImage: `${plainProxy.host}/package-registry/package-registry`,
      credsFor: (host) => (host === tokenProxy.host ? creds : undefined),
    });
    expect(plainProxy.injected).toHaveLength(1);
    plainProxy.setFaults([]);
    expect(r.code, r.err.join('\n')).toBe(0);
  });

  // A failing token endpoint: the token request's own retries, not nested in the request's retries.
  it('gives up on a token endpoint that keeps failing after the configured attempts', async () => {
    tokenProxy.setFaults([
      {
        method: 'GET',
        path: /\/__upstream\/.*\/token/,
        occurrences: persistent,
        action: { type: 'status', status: 500 },
      },
    ]);
    const creds = { username: USER, password: PASSWORD };
    const r = await engine({
      channels: ['production'],
      image: `${tokenProxy.host}/acme/token-down`,
      baseImage: `${tokenProxy.host}/package-registry/package-registry`,
      credsFor: () => creds,
    });
    const tokenRequests = tokenProxy.requests.filter((q) => q.path.includes('/token')).length;
    tokenProxy.setFaults([]);
    expect(r.code).toBe(3);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/token request .* answered 500/);
    expect(r.err[0]!.match(/gave up after/g)).toHaveLength(1);
    expect(tokenRequests).toBeLessThanOrEqual(4);
  });
});
