// `package-storage publish-image`: build a channel's distribution image from the local clone and push it, or write
// it as an OCI layout or an air-gapped archive. No Docker daemon.
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { channelByName } from '../core/policy.js';
import { gitRaw } from '../git/git.js';
import { localBranchTips } from '../git/local.js';
import { publishImages, type PublishResult } from '../publish-image/engine.js';
import { imageHost, registryClients } from '../publish-image/clients.js';
import { safeLine } from '../runner/sanitize.js';
import { parse, required, list } from './args.js';
import type { CliIO } from './io.js';
import { openLocalRepo } from './repo.js';

export const publishUsage = `usage: package-storage publish-image --repo DIR --channel CH --image NAME --base-image REF [--registry-version V]
                                    [--chain] [--push] [--layout DIR] [--archive FILE] [--insecure-registry]
                                    [--username U --password-stdin] [--config FILE] [--json]

Builds the distribution image of channel CH from git trees (CH's packages and every more stable channel's at
/packages/<channel>/...), with no Docker daemon, and pushes it and/or writes it to disk.
  --repo DIR          the storage repository (default: .)
  --channel CH        channel(s), comma-separated
  --chain             also every less stable channel than those of --channel
  --image NAME        target repository without tag, e.g. ghcr.io/acme/distribution
  --base-image REF    package-registry image repository (tag = registry version), a full reference,
                      oci:DIR[:TAG] (an OCI layout on disk) or scratch
  --registry-version  e.g. v1.15.0 (default: ARG PACKAGE_REGISTRY= in the channel branch's Dockerfile)
  --push              push to the registry: tags <branch> (moves), <commit sha> (immutable)
  --layout DIR        write an OCI image layout
  --archive FILE      write one tar that is both an OCI layout and a docker save archive (docker load)
  --insecure-registry plain HTTP to the registries (loopback addresses always are)
  --username U        target registry user (with --password-stdin)
  --password-stdin    read the target registry's password from standard input
  --config FILE       policy file (default: .github/package-storage.yml on the default branch)
  --json              print the result as JSON
Credentials default to the Docker config file (docker login, docker/login-action).
Exit: 0 done, 2 usage, 3 git or registry failure (an immutable tag that points elsewhere is a failure).`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

async function sourceUrl(repoDir: string): Promise<string | undefined> {
  const result = await gitRaw(['remote', 'get-url', 'origin'], { cwd: repoDir, okCodes: [2, 128] });
  const url = result.stdout.toString('utf8').trim();
  if (!/^https?:\/\//.test(url)) return undefined;
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString().replace(/\.git$/, '');
}

export function reportPublish(io: CliIO, result: PublishResult): void {
  for (const image of result.images) {
    io.out(
      `${image.channel}: ${image.digest}  (${image.packages} package versions, registry ${image.registryVersion}, base ${safeLine(image.base)})`,
    );
    io.out(
      `  layers: ${image.layers.total} (${image.layers.base} base, ${image.layers.reused} reused, ${image.layers.built} built; ${image.layers.uploaded} uploaded, ${image.layers.mounted} mounted), ${image.bytesUploaded} bytes uploaded`,
    );
    for (const tag of image.tags)
      io.out(
        `  ${safeLine(tag)}${image.unchangedTags.some((t) => tag.endsWith(`:${t}`)) ? ' (unchanged)' : ''}`,
      );
  }
  if (result.layoutDir) io.out(`OCI layout: ${result.layoutDir}`);
  if (result.archive)
    io.out(`archive: ${result.archive.file} (${result.archive.size} bytes, ${result.archive.digest})`);
}

export async function publishImageCommand(argv: string[], io: CliIO): Promise<number> {
  const values = parse('publish-image', argv, {
    repo: { type: 'string', default: '.' },
    channel: { type: 'string' },
    chain: { type: 'boolean', default: false },
    image: { type: 'string' },
    'base-image': { type: 'string' },
    'registry-version': { type: 'string' },
    push: { type: 'boolean', default: false },
    layout: { type: 'string' },
    archive: { type: 'string' },
    'insecure-registry': { type: 'boolean', default: false },
    username: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
    config: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  required('publish-image', values, 'channel', 'image', 'base-image');
  if (values['password-stdin'] && !values.username) throw new UsageError('--password-stdin needs --username');
  const { repoDir, policy } = await openLocalRepo(values.repo, values.config);
  let channels = list(values.channel);
  if (values.chain) {
    const most = channels.map((c) => channelByName(policy, c)).filter((c) => c !== undefined);
    const from = Math.min(...most.map((c) => policy.channels.indexOf(c)));
    channels = [...new Set([...channels, ...policy.channels.slice(from).map((c) => c.name)])];
  }
  const tips = await localBranchTips(
    repoDir,
    policy.channels.map((c) => c.branch),
  );
  const password = values['password-stdin'] ? await readStdin() : undefined;
  const clients = registryClients({
    ...(values['insecure-registry'] ? { insecure: true } : {}),
    ...(values.username && password !== undefined
      ? { credentials: { host: imageHost(values.image!), username: values.username, password } }
      : {}),
  });
  const source = await sourceUrl(repoDir);
  try {
    const result = await publishImages({
      repoDir,
      policy,
      channels,
      tips,
      image: values.image!,
      baseImage: values['base-image']!,
      ...(values['registry-version'] ? { registryVersion: values['registry-version'] } : {}),
      push: values.push ?? false,
      ...(values.layout ? { layoutDir: resolve(values.layout) } : {}),
      ...(values.archive ? { archiveFile: resolve(values.archive) } : {}),
      clientFor: clients.clientFor,
      ...(source ? { sourceUrl: source } : {}),
      allowRetag: policy.release.allowOverwrite,
      // The report below says everything per image; only the git fetch is worth a line of its own.
      log: (line) => {
        if (!values.json && line.startsWith('fetched')) io.err(safeLine(line));
      },
    });
    if (values.json) io.out(JSON.stringify(result));
    else reportPublish(io, result);
    return 0;
  } finally {
    clients.close();
  }
}
