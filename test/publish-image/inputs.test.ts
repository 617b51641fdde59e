// The publish-image action's inputs, read once: defaults as action.yml declares them, each value parsed into its
// type, and a usage error naming the input for anything else (a password in an image reference masked first).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UsageError } from '../../src/core/errors.js';
import { readInputs } from '../../src/publish-image/inputs.js';
import { stubActionInputs } from '../support/action-inputs.js';

const image = 'ghcr.io/acme/distribution';

const stubInputs = (values: Record<string, string>): void => stubActionInputs('publish-image', values);

/** What readInputs writes to stdout: the `::add-mask::` commands. */
function captureStdout(): { text: () => string } {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return { text: () => chunks.join('') };
}

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('publish-image inputs', () => {
  it('takes the defaults action.yml declares', () => {
    stubInputs({ image });
    expect(readInputs()).toEqual({
      repositoryPath: '.',
      config: '.github/package-storage.yml',
      image,
      baseImage: 'docker.elastic.co/package-registry/package-registry',
      username: '',
      password: '',
      insecure: false,
      platforms: [],
      metadata: { labels: {}, manifestAnnotations: {}, indexAnnotations: {} },
      push: true,
      layout: '',
      archive: '',
      registryVersion: '',
      sbom: true,
      forceChannelTags: false,
      channels: [],
      index: 'newest',
      rollbackTo: '',
      rollout: { deployments: '', kubectl: 'kubectl', namespace: 'package-registry' },
      releaseVersions: [],
      releaseFile: '',
    });
  });

  it('parses every value into its type', () => {
    const out = captureStdout();
    stubInputs({
      image: `${image},\nregistry.example.com/acme/mirror`,
      'base-image': 'oci:/srv/base:v1.15.0',
      username: 'ci-user',
      password: 'ci-secret',
      'insecure-registry': 'true',
      platforms: 'linux/amd64, linux/arm64/v8',
      labels: 'org.opencontainers.image.licenses=Elastic-2.0\n# a comment\norg.example.owner = ecosystem',
      annotations: 'index:org.example.only-index=1\nmanifest:org.example.only-manifest=2\norg.example.all=3',
      push: 'false',
      layout: 'out/layout',
      archive: '/tmp/images.tar',
      'registry-version': 'v1.16.0',
      sbom: 'False',
      'force-channel-tags': 'TRUE',
      channels: 'staging,\nsnapshot',
      index: 'all',
      'rollback-to': 'abc123',
      'rollout-deployments': 'package-registry-{channel}-vanilla\nproduction=package-registry-prod',
      'rollout-namespace': 'registries',
      'rollout-kubectl': '/usr/local/bin/kubectl',
      'release-versions': 'v8.15.0, 8.16.0-rc1\n8.15.0',
      'release-file': '.github/releases.txt',
      'repository-path': 'storage',
      config: 'policy/storage.yml',
    });
    expect(readInputs()).toEqual({
      repositoryPath: 'storage',
      config: 'policy/storage.yml',
      image: `${image},\nregistry.example.com/acme/mirror`,
      baseImage: 'oci:/srv/base:v1.15.0',
      username: 'ci-user',
      password: 'ci-secret',
      insecure: true,
      platforms: [
        { os: 'linux', architecture: 'amd64' },
        { os: 'linux', architecture: 'arm64', variant: 'v8' },
      ],
      metadata: {
        labels: { 'org.opencontainers.image.licenses': 'Elastic-2.0', 'org.example.owner': 'ecosystem' },
        manifestAnnotations: { 'org.example.only-manifest': '2', 'org.example.all': '3' },
        indexAnnotations: { 'org.example.only-index': '1', 'org.example.all': '3' },
      },
      push: false,
      layout: 'out/layout',
      archive: '/tmp/images.tar',
      registryVersion: 'v1.16.0',
      sbom: false,
      forceChannelTags: true,
      channels: ['staging', 'snapshot'],
      index: 'all',
      rollbackTo: 'abc123',
      rollout: {
        deployments: 'package-registry-{channel}-vanilla\nproduction=package-registry-prod',
        kubectl: '/usr/local/bin/kubectl',
        namespace: 'registries',
      },
      releaseVersions: ['8.15.0', '8.16.0-rc1'],
      releaseFile: '.github/releases.txt',
    });
    // The password is masked before anything else can print it.
    expect(out.text().split('\n')).toContain('::add-mask::ci-secret');
  });

  it.each(['newest', 'all', 'false'])('takes index: %s', (index) => {
    stubInputs({ image, index });
    expect(readInputs().index).toBe(index);
  });

  it('a username alone is no error (the Docker config answers for the registry)', () => {
    stubInputs({ image, username: 'ci-user' });
    expect(readInputs()).toMatchObject({ username: 'ci-user', password: '' });
  });

  it('checks the rollout namespace only when there is something to restart', () => {
    stubInputs({ image, 'rollout-namespace': 'Not_A_Namespace' });
    expect(readInputs().rollout.namespace).toBe('Not_A_Namespace');
  });

  it.each<{ inputs: Record<string, string>; message: string }>([
    { inputs: { password: 'pw' }, message: '`password` needs `username`' },
    {
      inputs: { platforms: 'linux/amd64,arm64' },
      message: 'platform "arm64" is not os/arch[/variant], e.g. linux/arm64',
    },
    {
      inputs: { labels: 'org.example.owner' },
      message: 'labels: "org.example.owner" is not key=value (one per line)',
    },
    {
      inputs: { labels: 'bad key=1' },
      message: 'labels: "bad key" is not a valid key (letters, digits, . _ / -, e.g. org.example.team)',
    },
    {
      inputs: { annotations: 'index:=1' },
      message: 'annotations: "" is not a valid key (letters, digits, . _ / -, e.g. org.example.team)',
    },
    {
      inputs: { annotations: `org.example.big=${'x'.repeat(4097)}` },
      message: 'annotations: the value of org.example.big is longer than 4096 characters',
    },
    {
      inputs: { 'release-versions': '8.15.0, 08.16.0' },
      message:
        'invalid release version "08.16.0": expected plain semver X.Y.Z with an optional -prerelease and no leading zeros (e.g. 8.15.0, 8.16.0-rc1)',
    },
    {
      inputs: { 'release-versions': '8.15.0+build1' },
      message: 'invalid release version "8.15.0+build1"',
    },
    { inputs: { index: 'yes' }, message: 'index: "yes" is not newest, all or false' },
    {
      inputs: { index: 'x\n::set-output name=a::b' },
      message: 'index: "x\\\\n:\u200b:set-output name=a:\u200b:b" is not newest, all or false',
    },
    {
      inputs: { 'rollout-deployments': 'package-registry-{channel}', 'rollout-namespace': 'Registries' },
      message: 'rollout namespace "Registries" is not a valid Kubernetes namespace',
    },
  ])('refuses $inputs with a usage error: $message', ({ inputs, message }) => {
    captureStdout();
    stubInputs({ image, ...inputs });
    expect(() => readInputs()).toThrow(UsageError);
    expect(() => readInputs()).toThrow(message);
  });

  it.each<{ what: string; inputs: Record<string, string>; secret: string; message: string }>([
    {
      what: 'the image',
      inputs: { image: 'ci-user:hunter2@ghcr.io/acme/distribution' },
      secret: 'hunter2',
      message:
        'image: image reference "***@ghcr.io/acme/distribution" contains credentials (user:password@); remove them and pass them separately',
    },
    {
      what: 'a mirror',
      inputs: { image: `${image}\nhttps://bob:s3cret@registry.example.com/acme/mirror` },
      secret: 's3cret',
      message: 'image: image reference "https://***@registry.example.com/acme/mirror" contains credentials',
    },
    {
      what: 'the base image',
      inputs: { image, 'base-image': 'token-only@docker.elastic.co/package-registry/package-registry' },
      secret: 'token-only',
      message: 'base-image: image reference "***@docker.elastic.co/package-registry/package-registry"',
    },
  ])('refuses credentials in $what, masking them first', ({ inputs, secret, message }) => {
    const out = captureStdout();
    stubInputs(inputs);
    expect(() => readInputs()).toThrow(UsageError);
    expect(() => readInputs()).toThrow(message);
    expect(out.text().split('\n')).toContain(`::add-mask::${secret}`);
    expect(out.text().replaceAll(`::add-mask::${secret}`, '')).not.toContain(secret);
  });

  it('a missing image is a usage error naming the input, before anything else is read', () => {
    stubInputs({});
    expect(() => readInputs()).toThrow(
      expect.objectContaining({ exitCode: 2, message: 'input `image` is required' }),
    );
  });

  it.each(['push', 'sbom', 'insecure-registry', 'force-channel-tags'])(
    'a %s that is not a boolean is a usage error naming it',
    (name) => {
      stubInputs({
        image: 'ghcr.io/acme/distribution',
        'base-image': 'docker.elastic.co/x/y',
        [name]: 'yes',
      });
      expect(() => readInputs()).toThrow(
        expect.objectContaining({
          exitCode: 2,
          message: `input \`${name}\` must be true or false (got "yes")`,
        }),
      );
    },
  );
});
