// Registry credentials: explicit options, or the Docker config file that `docker login` / docker/login-action
// writes. Credential helpers (credsStore/credHelpers) are not supported: they would mean running other programs.

import { readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DOCKER_HUB_API } from './reference.js';

export type Credentials =
  { username: string; password: string } | { identityToken: string; username?: string };

export interface DockerAuthEntry {
  auth?: string;
  username?: string;
  password?: string;
  identitytoken?: string;
}

export interface DockerConfigFile {
  auths?: Record<string, DockerAuthEntry>;
  credsStore?: string;
  credHelpers?: Record<string, string>;
}

/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
export function defaultDockerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const dir = env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker');
  return path.join(dir, 'config.json');
}

/** Parses config.json text; `source` only names the file in errors (the content is never echoed). */
export function parseDockerConfig(text: string, source: string): DockerConfigFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`Docker config ${source} is not valid JSON`);
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`Docker config ${source} is not a JSON object`);
  }
  const obj = data as Record<string, unknown>;
  const out: DockerConfigFile = {};
  if (typeof obj.credsStore === 'string') out.credsStore = obj.credsStore;
  if (isRecord(obj.credHelpers)) {
    out.credHelpers = Object.fromEntries(
      Object.entries(obj.credHelpers).filter((e): e is [string, string] => typeof e[1] === 'string'),
    );
  }
  if (obj.auths !== undefined) {
    if (!isRecord(obj.auths)) throw new Error(`Docker config ${source}: "auths" is not an object`);
    out.auths = {};
    for (const [key, value] of Object.entries(obj.auths)) {
      if (!isRecord(value)) continue;
      const entry: DockerAuthEntry = {};
      for (const f of ['auth', 'username', 'password', 'identitytoken'] as const) {
        const v = value[f];
        if (typeof v === 'string' && v !== '') entry[f] = v;
      }
      out.auths[key] = entry;
    }
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `https://index.docker.io/v1/` → `index.docker.io`; `Registry.Example:443/` → `registry.example:443`. */
export function normalizeAuthKey(key: string): string {
  let k = key.trim().toLowerCase();
  k = k.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  const slash = k.indexOf('/');
  return slash >= 0 ? k.slice(0, slash) : k;
}

function hostAliases(apiHost: string): string[] {
  const h = apiHost.toLowerCase();
  if (h === DOCKER_HUB_API || h === 'docker.io' || h === 'index.docker.io') {
    return ['index.docker.io', 'docker.io', DOCKER_HUB_API];
  }
  return [h];
}

/**
 * Credentials for `apiHost` from a parsed config, or undefined when it has none for that host. Throws when the
 * host's credentials live in a credential helper, which we cannot query.
 */
export function credentialsFromDockerConfig(
  config: DockerConfigFile,
  apiHost: string,
  source: string,
): Credentials | undefined {
  const aliases = hostAliases(apiHost);
  const helper = Object.entries(config.credHelpers ?? {}).find(([k]) =>
    aliases.includes(normalizeAuthKey(k)),
  );
  const entry = Object.entries(config.auths ?? {}).find(([k]) => aliases.includes(normalizeAuthKey(k)))?.[1];
  const fromEntry = entry ? entryCredentials(entry, apiHost, source) : undefined;
  if (fromEntry) return fromEntry;
  if (helper || (entry && config.credsStore)) {
    throw new Error(
      `Docker config ${source} keeps the credentials for ${apiHost} in credential helper "${helper?.[1] ?? config.credsStore}", ` +
        'which is not supported: log in without a credential helper (docker/login-action does) or pass username/password explicitly',
    );
  }
  return undefined;
}

function entryCredentials(e: DockerAuthEntry, host: string, source: string): Credentials | undefined {
  let username = e.username;
  let password = e.password;
  if (e.auth) {
    const decoded = Buffer.from(e.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0)
      throw new Error(`Docker config ${source}: the "auth" value for ${host} is not base64 of user:password`);
    username = decoded.slice(0, colon);
    password = decoded.slice(colon + 1);
  }
  if (e.identitytoken)
    return username ? { identityToken: e.identitytoken, username } : { identityToken: e.identitytoken };
  if (username !== undefined && password) return { username, password };
  return undefined;
}

/** Reads the Docker config file if it exists; a missing file means "no credentials". */
export async function loadDockerConfig(file: string): Promise<DockerConfigFile | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`cannot read Docker config ${file}: ${(e as NodeJS.ErrnoException).code ?? 'error'}`, {
      cause: e,
    });
  }
  return parseDockerConfig(text, file);
}

export interface CredentialSource {
  credentials?: Credentials;
  dockerConfigPath?: string;
  env?: NodeJS.ProcessEnv;
}

/** Explicit credentials win; otherwise the Docker config file (explicit path, $DOCKER_CONFIG, ~/.docker). */
export async function resolveCredentials(
  apiHost: string,
  o: CredentialSource = {},
): Promise<Credentials | undefined> {
  if (o.credentials) return o.credentials;
  const file = o.dockerConfigPath ?? defaultDockerConfigPath(o.env);
  const config = await loadDockerConfig(file);
  return config ? credentialsFromDockerConfig(config, apiHost, file) : undefined;
}

export function describeCredentials(c: Credentials | undefined): string {
  if (!c) return 'anonymous';
  if ('password' in c) return `user "${c.username}"`;
  return c.username ? `identity token of "${c.username}"` : 'an identity token';
}
