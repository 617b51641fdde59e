// `package-storage release`: git tags for stack versions at the most stable channel's tip, and optionally the
// image tag <image>:<version> for each, by digest.
import { UsageError } from '../core/errors.js';
import { missingBranchError } from '../core/policy.js';
import { resolveBranch } from '../git/local.js';
import { parseReleaseList, release, stableTipOnOrigin } from '../publish-image/release.js';
import { registryClients } from '../publish-image/clients.js';
import { safeLine } from '../runner/sanitize.js';
import { parse, required } from './args.js';
import type { CliIO } from './io.js';
import { openLocalRepo } from './repo.js';

export const releaseUsage = `usage: package-storage release --repo DIR --versions V[,V...] [--push]
                              [--image NAME --base-image REF [--registry-version V] [--insecure-registry]] [--config FILE] [--json]

For each stack version without a git tag, creates the tag at the tip of the most stable channel (production); an
existing tag is never moved. With --image, points <image>:<version> at the published image of the tag's commit
(by digest; built when missing).
  --repo DIR           the storage repository (default: .)
  --versions V         8.15.0, v8.15.0 (the v is dropped), 8.16.0-rc1 (comma-separated)
  --push               push created tags to origin (and read existing tags from origin)
  --image NAME         also tag <NAME>:<version>, e.g. ghcr.io/acme/distribution
  --base-image REF     package-registry image repository, to build an image that is missing (as publish-image)
  --registry-version V e.g. v1.15.0 (default: ARG PACKAGE_REGISTRY= in the tagged commit's Dockerfile)
  --insecure-registry  plain HTTP to the registries (loopback addresses always are)
  --config FILE        policy file (default: .github/package-storage.yml on the default branch)
  --json               print {"releases": [...]} instead of text
Exit: 0 done, 2 invalid version or usage, 3 git or registry failure (e.g. an image tag that points elsewhere).`;

export async function releaseCommand(argv: string[], io: CliIO): Promise<number> {
  const values = parse('release', argv, {
    repo: { type: 'string', default: '.' },
    versions: { type: 'string' },
    push: { type: 'boolean', default: false },
    image: { type: 'string' },
    'base-image': { type: 'string' },
    'registry-version': { type: 'string' },
    'insecure-registry': { type: 'boolean', default: false },
    config: { type: 'string' },
    json: { type: 'boolean', default: false },
  });
  required('release', values, 'versions');
  const versions = parseReleaseList(values.versions!);
  if (versions.length === 0) throw new UsageError('--versions lists no version');
  if (values.image && !values['base-image'])
    throw new UsageError('--image needs --base-image (to build a missing image)');
  const { repoDir, policy } = await openLocalRepo(values.repo, values.config);
  const stable = policy.channels[0]!;
  const stableTip = values.push
    ? await stableTipOnOrigin(repoDir, policy)
    : (await resolveBranch(repoDir, stable.branch))?.sha;
  if (!stableTip) throw missingBranchError(stable);
  const clients = registryClients(values['insecure-registry'] ? { insecure: true } : {});
  try {
    const results = await release({
      repoDir,
      policy,
      versions,
      pushTags: values.push ?? false,
      stableTip,
      ...(values.image
        ? {
            image: {
              image: values.image,
              baseImage: values['base-image']!,
              clientFor: clients.clientFor,
              ...(values['registry-version'] ? { registryVersion: values['registry-version'] } : {}),
              allowRetag: policy.release.allowOverwrite,
            },
          }
        : {}),
      ...(values.json ? {} : { log: (line: string) => io.err(safeLine(line)) }),
    });
    if (values.json) io.out(JSON.stringify({ releases: results }));
    else
      for (const r of results)
        io.out(
          `${r.version}: tag ${r.gitTag} at ${r.commit}${r.image ? `; ${safeLine(r.image.reference)} ${r.image.operation} -> ${r.image.digest}${r.image.built ? ' (built)' : ''}` : ''}`,
        );
    return 0;
  } finally {
    clients.close();
  }
}
