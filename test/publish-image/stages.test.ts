// The pure parts of the publish stages: channel tags (collisions are configuration errors), operator metadata,
// OCI labels and annotations, progress lines.
import { describe, expect, it } from 'vitest';
import type { ImagePlan } from '../../src/core/image-plan.js';
import { parsePolicy } from '../../src/core/config.js';
import {
  imageLabels,
  indexAnnotations,
  manifestAnnotations,
  parseExtraMetadata,
} from '../../src/publish-image/metadata.js';
import { channelTags } from '../../src/publish-image/plan.js';
import { progressLine, progressReporter, Progress } from '../../src/publish-image/progress.js';
import { parsePlatforms } from '../../src/publish-image/base.js';

function policy(branches: string[]) {
  // JSON is YAML: branch names are quoted whatever they hold.
  const names = ['production', 'staging', 'snapshot'];
  return parsePolicy(
    JSON.stringify({
      channels: branches.map((branch, i) => ({ name: names[i], branch, arrival: 'direct' })),
    }),
  );
}

describe('channel tags', () => {
  it('sanitises branch names', () => {
    expect([...channelTags(policy(['production', 'release/8.x', '.hidden'])).values()]).toEqual([
      'production',
      'release-8.x',
      '_hidden',
    ]);
  });

  it.each([
    [['rel/prod', 'rel-prod'], 'channel branches rel/prod and rel-prod would both be tagged "rel-prod"'],
    [['rel prod', 'rel/prod'], 'would both be tagged "rel-prod"'],
    [[`${'x'.repeat(128)}-a`, `${'x'.repeat(128)}-b`], `would both be tagged "${'x'.repeat(128)}"`],
    [['0123456789abcdef0123456789abcdef01234567'], 'which looks like a commit or referrers tag'],
    [['sha256-abc'], 'which looks like a commit or referrers tag'],
  ])('refuses %j', (branches, message) => {
    expect(() => channelTags(policy(branches))).toThrow(message);
  });
});

describe('metadata', () => {
  it('parses labels and annotations, one key=value per line, annotations with a manifest: or index: prefix', () => {
    expect(
      parseExtraMetadata(
        'org.opencontainers.image.licenses=Elastic-2.0\n# a comment\n\norg.example.empty=\n',
        'org.example.both=1\nmanifest:org.example.m = 2\nindex:org.example.i=a=b\n',
      ),
    ).toEqual({
      labels: { 'org.opencontainers.image.licenses': 'Elastic-2.0', 'org.example.empty': '' },
      manifestAnnotations: { 'org.example.both': '1', 'org.example.m': '2' },
      indexAnnotations: { 'org.example.both': '1', 'org.example.i': 'a=b' },
    });
  });

  it.each([
    ['just-a-key', '', 'labels: "just-a-key" is not key=value'],
    ['=value', '', 'labels: "=value" is not key=value'],
    ['bad key=1', '', 'labels: "bad key" is not a valid key'],
    ['', 'index:=1', 'annotations: "" is not a valid key'],
  ])('refuses %j / %j', (labels, annotations, message) => {
    expect(() => parseExtraMetadata(labels, annotations)).toThrow(message);
  });

  it('derives the OCI keys from the plan alone, with the operator keys over them', () => {
    const plan = {
      channel: { name: 'staging' },
      commit: 'a'.repeat(40),
      commits: { production: 'b'.repeat(40), staging: 'a'.repeat(40) },
      created: 1_700_000_000,
      layers: [],
      packagePaths: [],
    } as unknown as ImagePlan;
    const input = {
      plan,
      registryVersion: 'v1.15.0',
      sourceUrl: 'https://github.com/acme/storage',
      baseName: 'docker.elastic.co/package-registry/package-registry:v1.15.0',
      baseDigest: `sha256:${'c'.repeat(64)}`,
      extra: parseExtraMetadata('org.opencontainers.image.title=Custom', 'index:org.example.i=1'),
    } as const;
    expect(imageLabels(input)).toEqual({
      'org.opencontainers.image.created': '2023-11-14T22:13:20Z',
      'org.opencontainers.image.revision': 'a'.repeat(40),
      'org.opencontainers.image.version': `staging-${'a'.repeat(12)}`,
      'org.opencontainers.image.title': 'Custom',
      'org.opencontainers.image.description':
        'package-registry v1.15.0 serving the staging channel and production',
      'org.opencontainers.image.source': 'https://github.com/acme/storage',
      'org.opencontainers.image.url': 'https://github.com/acme/storage',
      'org.opencontainers.image.base.name': input.baseName,
      'org.opencontainers.image.base.digest': input.baseDigest,
      'package-registry': 'v1.15.0',
      'io.package-storage.channel': 'staging',
      'io.package-storage.commits': JSON.stringify(plan.commits),
      'io.package-storage.base': `${input.baseName}@${input.baseDigest}`,
    });
    expect(manifestAnnotations(input)['org.example.i']).toBeUndefined();
    expect(indexAnnotations(input)['org.example.i']).toBe('1');
    expect(manifestAnnotations(input)['org.opencontainers.image.title']).toBe(
      'package-storage staging distribution',
    );
  });

  it('parses platforms', () => {
    expect(parsePlatforms('linux/amd64, linux/arm64/v8\nlinux/arm/v7')).toEqual([
      { os: 'linux', architecture: 'amd64' },
      { os: 'linux', architecture: 'arm64', variant: 'v8' },
      { os: 'linux', architecture: 'arm', variant: 'v7' },
    ]);
    expect(() => parsePlatforms('Linux/AMD64')).toThrow('platform "Linux/AMD64" is not os/arch[/variant]');
  });
});

describe('progress', () => {
  it('formats counts and rate', () => {
    expect(
      progressLine({
        layersToBuild: 33,
        layersBuilt: 12,
        blobsUploaded: 10,
        tarBytes: 812_400_000,
        compressedBytes: 498e6,
        elapsedMs: 13_274,
      }),
    ).toBe('layers 12/33 built, 10 uploaded; 812.4 MB read, 498.0 MB compressed; 61.2 MB/s');
  });

  it('rewrites one line on a terminal, prints plain lines otherwise, and says nothing when nothing is built', () => {
    for (const tty of [true, false]) {
      const out: string[] = [];
      const reporter = progressReporter({ write: (t) => out.push(t), tty });
      const p = new Progress(reporter.listener);
      p.start(2);
      p.tar(1_000_000);
      p.layerBuilt();
      p.layerBuilt();
      p.end();
      if (tty) {
        const clear = '\r\u001b[2K';
        expect(out.every((t) => t.startsWith(clear))).toBe(true);
        expect(out.at(-1)!.startsWith(`${clear}layers 2/2 built`)).toBe(true);
        expect(out.at(-1)!.endsWith('\n')).toBe(true);
        expect(out.slice(0, -1).some((t) => t.includes('\n'))).toBe(false);
      } else {
        expect(out[0]).toBe('building 2 layers\n');
        expect(out.slice(1).every((t) => /^layers \d\/2 built.*\n$/.test(t))).toBe(true);
      }
    }
    const quiet: string[] = [];
    const p = new Progress(progressReporter({ write: (t) => quiet.push(t), tty: false }).listener);
    p.end();
    expect(quiet).toEqual([]);
  });
});
