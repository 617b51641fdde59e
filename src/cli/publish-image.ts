// `package-storage publish-image`: build a channel's distribution image from the local clone and push it, or write
// it as an OCI layout or an air-gapped archive. No Docker daemon.
import { resolve } from 'node:path';
import { UsageError } from '../core/errors.js';
import { channelByName } from '../core/policy.js';
import { gitRaw } from '../git/git.js';
import { localBranchTips } from '../git/local.js';
import { publishImages, type PublishResult } from '../publish-image/engine.js';
import { parsePlatforms } from '../publish-image/base.js';
import { imageHost, registryClients } from '../publish-image/clients.js';
import { parseExtraMetadata } from '../publish-image/metadata.js';
import { progressReporter } from '../publish-image/progress.js';
import { CredentialsInReferenceError, publicUrl, redactedUserinfo } from '../registry/index.js';
import { safeLine } from '../runner/sanitize.js';
import { parse, required, list } from './args.js';
import { processIO, type CliIO } from './io.js';
import { openLocalRepo } from './repo.js';

export const publishUsage = `usage: package-storage publish-image --repo DIR --channel CH --image NAME --base-image REF [--registry-version V]
                                    [--chain] [--push] [--layout DIR] [--archive FILE] [--platform P]
                                    [--label K=V] [--annotation K=V] [--force-channel-tags] [--skip-sbom]
                                    [--jobs N] [--insecure-registry] [--username U --password-stdin]
                                    [--config FILE] [--json]

Builds the distribution image of channel CH from git trees (CH's packages and every more stable channel's at
/packages/<channel>/...), with no Docker daemon, and pushes it and/or writes it to disk.
  --repo DIR          the storage repository (default: .)
  --channel CH        channel(s), comma-separated
  --chain             also every less stable channel than those of --channel
  --image NAME        target repository without tag, e.g. ghcr.io/acme/distribution; several (mirrors, possibly
                      on other registries) comma-separated: built once, each blob uploaded once per registry
  --base-image REF    package-registry image repository (tag = registry version), a full reference,
                      oci:DIR[:TAG] (an OCI layout on disk) or scratch
  --registry-version  e.g. v1.15.0 (default: ARG PACKAGE_REGISTRY= in the channel branch's Dockerfile)
  --push              push to the registry: tags <branch> (moves forward only), <commit sha> (immutable),
                      and an SPDX SBOM attached to each image
  --skip-sbom         attach no SBOM
  --layout DIR        write an OCI image layout
  --archive FILE      write one tar that is both an OCI layout and a docker save archive (docker load)
  --platform P        base platforms to publish, e.g. linux/amd64,linux/arm64 (default: all the base has; more
                      than one makes an index)
  --label K=V         extra config label (repeatable)
  --annotation K=V    extra annotation on manifests and index; manifest: or index: before K for one (repeatable)
  --force-channel-tags  move channel tags even to an image whose commit does not descend from the tag's
  --jobs N            layers built side by side, each on a worker thread (default: the number of cores)
  --insecure-registry plain HTTP to the registries (loopback addresses always are)
  --username U        user for the first --image's registry (with --password-stdin); the others (and this one
                      without it) use the Docker config, which holds one entry per registry
  --password-stdin    read the target registry's password from standard input
  --config FILE       policy file (default: .github/package-storage.yml on the default branch)
  --json              print the result as JSON
Credentials default to the Docker config file (docker login, docker/login-action).
Exit: 0 done, 2 usage, 3 git or registry failure (an immutable tag that points elsewhere is a failure; with
several --image, any target that failed, after the others were published).`;

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
  // A remote may carry a token (`user:token@`, `?access_token=`): labels and the SBOM are public.
  return publicUrl(url).replace(/\.git$/, '');
}

export function reportPublish(io: CliIO, result: PublishResult): void {
  const several = result.targets.length > 1;
  for (const image of result.images) {
    io.out(
      `${several ? `${safeLine(image.name)} ` : ''}${image.channel}: ${image.digest}  (${image.packages} package versions, registry ${image.registryVersion}, base ${safeLine(image.base)})`,
    );
    io.out(`  ${image.why.length === 0 ? 'unchanged' : `why: ${safeLine(image.why.join('; '))}`}`);
    io.out(
      `  layers: ${image.layers.total} (${image.layers.base} base, ${image.layers.reused} reused, ${image.layers.built} built; ${image.layers.uploaded} uploaded, ${image.layers.mounted} mounted), ${image.bytesUploaded} bytes uploaded`,
    );
    if (image.platforms.length > 1)
      io.out(`  platforms: ${image.platforms.map((p) => `${p.platform} ${p.digest}`).join(', ')}`);
    for (const tag of image.tags) {
      const t = tag.slice(tag.lastIndexOf(':') + 1);
      const state = image.unchangedTags.includes(t)
        ? ' (unchanged)'
        : image.keptTags.includes(t)
          ? ' (kept)'
          : '';
      io.out(`  ${safeLine(tag)}${state}`);
    }
    for (const note of image.notes) io.out(`  note: ${safeLine(note)}`);
    if (image.sbom)
      io.out(
        `  SBOM: ${image.sbom.via === 'existing' ? 'already attached' : `${image.sbom.digest} (${image.sbom.via === 'tag' ? 'referrers tag' : 'referrers API'})`}`,
      );
  }
  for (const t of result.targets)
    if (t.status === 'failed') io.out(`${safeLine(t.image)}: FAILED ${safeLine(t.error ?? '')}`);
  if (result.layoutDir) io.out(`OCI layout: ${result.layoutDir}`);
  if (result.archive)
    io.out(`archive: ${result.archive.file} (${result.archive.size} bytes, ${result.archive.digest})`);
}

export async function publishImageCommand(argv: string[], io: CliIO): Promise<number> {
  // A status line rewritten in place only on a terminal; plain lines otherwise (CI logs, tests).
  const tty = io === processIO && process.stderr.isTTY === true;
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
    platform: { type: 'string' },
    label: { type: 'string', multiple: true },
    annotation: { type: 'string', multiple: true },
    'force-channel-tags': { type: 'boolean', default: false },
    'skip-sbom': { type: 'boolean', default: false },
    jobs: { type: 'string' },
    username: { type: 'string' },
    'password-stdin': { type: 'boolean', default: false },
    config: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  required('publish-image', values, 'channel', 'image', 'base-image');
  if (values['password-stdin'] && !values.username) throw new UsageError('--password-stdin needs --username');
  // Before anything else touches them: a reference with credentials is refused without repeating the password.
  for (const [flag, ref] of [
    ...values.image!.split(/[,\n]/).map((i) => ['--image', i.trim()] as const),
    ['--base-image', values['base-image']!] as const,
  ]) {
    const redacted = redactedUserinfo(ref);
    if (redacted !== undefined)
      throw new UsageError(`${flag}: ${new CredentialsInReferenceError(redacted).message}`);
  }
  const jobs = values.jobs === undefined ? undefined : Number(values.jobs);
  if (jobs !== undefined && (!Number.isInteger(jobs) || jobs < 1 || jobs > 64))
    throw new UsageError(`--jobs ${JSON.stringify(values.jobs)}: give a whole number from 1 to 64`);
  const platforms = parsePlatforms(values.platform ?? '');
  const metadata = parseExtraMetadata((values.label ?? []).join('\n'), (values.annotation ?? []).join('\n'));
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
  const reporter = progressReporter({
    write: (text) => (tty ? process.stderr.write(text) : io.err(safeLine(text.replace(/\n$/, '')))),
    tty,
  });
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
      ...(platforms.length > 0 ? { platforms } : {}),
      metadata,
      forceChannelTags: values['force-channel-tags'] ?? false,
      sbom: !(values['skip-sbom'] ?? false),
      ...(jobs !== undefined ? { concurrency: jobs } : {}),
      // The report below says everything per image; the git fetch and the ancestry fetch are worth a line.
      log: (line) => {
        if (!values.json && /^fetch/.test(line)) io.err(safeLine(line));
      },
      ...(values.json ? {} : { onProgress: reporter.listener, progressTicks: (p) => reporter.run(p) }),
    });
    if (values.json) io.out(JSON.stringify(result));
    else reportPublish(io, result);
    const failed = result.targets.filter((t) => t.status === 'failed');
    for (const t of failed)
      io.err(`package-storage publish-image: ${safeLine(t.image)} failed: ${safeLine(t.error ?? '')}`);
    return failed.length > 0 ? 3 : 0;
  } finally {
    clients.close();
  }
}
