// Independent read-back of what our client pushed: skopeo (containers/image) and umoci.

import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { run } from './exec.js';
import { ensureRegistryTools } from './tools.js';

export interface SkopeoInspectOptions {
  /** `user:password`; anonymous when omitted (never the machine's own auth files). */
  creds?: string;
  /** The manifest (or with `config`, the config blob) exactly as stored. */
  raw?: boolean;
  config?: boolean;
  /** Pick this architecture's image from an index (a global skopeo option). */
  overrideArch?: string;
}

export interface SkopeoInspectResult {
  /** skopeo's stdout: with `raw`, the exact stored bytes. */
  stdout: Buffer;
  json: Record<string, unknown>;
}

function dockerRef(ref: string): string {
  return /^[a-z-]+:/.test(ref) && !/^[^/]+:[0-9]+\//.test(ref) ? ref : `docker://${ref}`;
}

function credsArgs(flag: string, creds: string | undefined, anonymousFlag?: string): string[] {
  if (creds) return [flag, creds];
  return anonymousFlag ? [anonymousFlag] : [];
}

/** `skopeo inspect --tls-verify=false [--raw] [--config] docker://<ref>`. */
export async function skopeoInspect(ref: string, o: SkopeoInspectOptions = {}): Promise<SkopeoInspectResult> {
  await ensureRegistryTools();
  const args = [
    ...(o.overrideArch ? ['--override-arch', o.overrideArch] : []),
    'inspect',
    '--tls-verify=false',
    ...credsArgs('--creds', o.creds, '--no-creds'),
    ...(o.raw ? ['--raw'] : []),
    ...(o.config ? ['--config'] : []),
    dockerRef(ref),
  ];
  const { stdout } = await run('skopeo', args, { timeoutMs: 60_000 });
  return { stdout, json: JSON.parse(stdout.toString('utf8')) as Record<string, unknown> };
}

export interface SkopeoCopyOptions {
  srcCreds?: string;
  destCreds?: string;
  /** Copy every platform of an index (`--all`). */
  all?: boolean;
  preserveDigests?: boolean;
  overrideArch?: string;
}

/** `skopeo copy` between any transports (`docker://` is added to bare registry references). */
export async function skopeoCopy(src: string, dst: string, o: SkopeoCopyOptions = {}): Promise<void> {
  await ensureRegistryTools();
  const args = [
    '--insecure-policy', // no /etc/containers/policy.json needed on fresh machines
    ...(o.overrideArch ? ['--override-arch', o.overrideArch] : []),
    'copy',
    '--src-tls-verify=false',
    '--dest-tls-verify=false',
    ...credsArgs('--src-creds', o.srcCreds, src.startsWith('docker://') ? '--src-no-creds' : undefined),
    ...credsArgs('--dest-creds', o.destCreds),
    ...(o.all ? ['--all'] : []),
    ...(o.preserveDigests ? ['--preserve-digests'] : []),
    dockerRef(src),
    dockerRef(dst),
  ];
  await run('skopeo', args, { timeoutMs: 120_000 });
}

export interface UnpackedImage {
  layoutDir: string;
  rootfs: string;
  readFile(p: string): Promise<Buffer>;
  cleanup(): Promise<void>;
}

/** Copies an image to an OCI layout with skopeo and unpacks its rootfs with `umoci raw unpack --rootless`. */
export async function unpackImage(
  ref: string,
  o: { creds?: string; overrideArch?: string } = {},
): Promise<UnpackedImage> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'pkgstore-unpack-'));
  const layoutDir = path.join(dir, 'layout');
  const rootfs = path.join(dir, 'rootfs');
  try {
    await skopeoCopy(dockerRef(ref), `oci:${layoutDir}:image`, {
      ...(o.creds ? { srcCreds: o.creds } : {}),
      ...(o.overrideArch ? { overrideArch: o.overrideArch } : {}),
    });
    await run('umoci', ['raw', 'unpack', '--rootless', '--image', `${layoutDir}:image`, rootfs]);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  return {
    layoutDir,
    rootfs,
    readFile: (p) => readFile(path.join(rootfs, p.replace(/^\/+/, ''))),
    cleanup: () => rm(dir, { recursive: true, force: true }),
  };
}
