// Properties of the image layer plan (src/core/image-plan.ts): a partition of the channel's versions into
// layers keyed by a stable hash of name/version, so unrelated changes leave other layers' sources alone.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  planChannelLayers,
  type ChannelContent,
  type LayerPlan,
  type VersionTree,
} from '../../src/core/image-plan.js';
import { defaultPolicy, type ChannelPolicy } from '../../src/core/policy.js';
import { runs } from '../support/properties/runs.js';
import { anyString } from '../support/properties/text.js';
import { smallVersion } from '../support/properties/semver.js';

const policy = defaultPolicy();
const nameChar = fc.constantFrom(...'abcdefgh_0'.split(''));
const packageName = fc.string({ unit: nameChar, minLength: 1, maxLength: 8 });
const treeId = fc.stringMatching(/^[0-9a-f]{40}$/);

/** A channel: a built-in one (default layer count) or one with `image-layers` set. */
const channel: fc.Arbitrary<ChannelPolicy> = fc.oneof(
  fc.constantFrom(...policy.channels),
  fc
    .record({ name: fc.constantFrom('edge', 'lts'), imageLayers: fc.integer({ min: 1, max: 64 }) })
    .map(({ name, imageLayers }) => ({ ...policy.channels[2]!, name, branch: name, imageLayers })),
);

/** Distinct name@version pairs, each with a tree. */
const versions = (options: { minLength?: number; maxLength?: number } = {}): fc.Arbitrary<VersionTree[]> =>
  fc
    .uniqueArray(fc.record({ name: packageName, version: smallVersion, tree: treeId }), {
      selector: (v) => `${v.name}@${v.version}`,
      maxLength: 40,
      ...options,
    })
    .map((list) => list.map((v) => ({ ...v })));

const content = (c: ChannelPolicy, list: VersionTree[]): ChannelContent => ({
  channel: c,
  commit: 'c'.repeat(40),
  commitTime: 1_700_000_000,
  versions: list,
});

/** Independent bucket: the first four bytes of sha256("name/version"), big-endian, modulo the count. */
const bucketOracle = (name: string, version: string, buckets: number): number =>
  parseInt(createHash('sha256').update(`${name}/${version}`, 'utf8').digest('hex').slice(0, 8), 16) % buckets;

/** Layer count as documented in the schema: `image-layers`, else production 32, staging 8, snapshot 16, others 16. */
const layersOf = (c: ChannelPolicy): number =>
  c.imageLayers ?? ({ production: 32, staging: 8, snapshot: 16 } as Record<string, number>)[c.name] ?? 16;

const sourcesByBucket = (layers: LayerPlan[]): Map<number, string> =>
  new Map(layers.map((l) => [l.bucket, l.source]));

const key = (v: VersionTree): string => `${v.name}@${v.version}#${v.tree}`;

describe('property: image layer plan', () => {
  it('partitions the versions: every version in exactly one layer, the one of its bucket', () => {
    fc.assert(
      fc.property(channel, versions(), (c, list) => {
        const layers = planChannelLayers(policy, content(c, [...list]));
        const buckets = layersOf(c);
        const placed = layers.flatMap((l) => l.versions.map(key));
        expect([...placed].sort()).toEqual(list.map(key).sort());
        for (const layer of layers) {
          expect(layer.buckets).toBe(buckets);
          expect(layer.channel).toBe(c.name);
          expect(layer.versions.length).toBeGreaterThan(0);
          for (const v of layer.versions) expect(layer.bucket).toBe(bucketOracle(v.name, v.version, buckets));
        }
        const order = layers.map((l) => l.bucket);
        expect(order).toEqual([...new Set(order)].sort((a, b) => a - b));
      }),
      runs(),
    );
  });

  it('bucketOf is the sha256 prefix of name/version modulo the count, in range', () => {
    fc.assert(
      fc.property(
        anyString({ maxLength: 30 }),
        anyString({ maxLength: 12 }),
        fc.integer({ min: 1, max: 64 }),
        (name, version, n) => {
          const b = bucketOf(name, version, n);
          expect(b).toBe(bucketOracle(name, version, n));
          expect(b >= 0 && b < n).toBe(true);
        },
      ),
      runs(),
    );
  });

  it('the plan does not depend on the input order', () => {
    fc.assert(
      fc.property(
        channel,
        versions().chain((list) =>
          fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length })),
        ),
        (c, [list, shuffled]) => {
          const a = planChannelLayers(
            policy,
            content(
              c,
              list.map((v) => ({ ...v })),
            ),
          );
          const b = planChannelLayers(
            policy,
            content(
              c,
              shuffled.map((v) => ({ ...v })),
            ),
          );
          expect(b).toEqual(a);
        },
      ),
      runs(),
    );
  });

  it('adding or removing one version changes only the source of its own bucket', () => {
    fc.assert(
      fc.property(
        channel,
        versions(),
        fc.record({ name: packageName, version: smallVersion, tree: treeId }),
        fc.boolean(),
        (c, list, extra, remove) => {
          fc.pre(!list.some((v) => v.name === extra.name && v.version === extra.version));
          const without = sourcesByBucket(
            planChannelLayers(
              policy,
              content(
                c,
                list.map((v) => ({ ...v })),
              ),
            ),
          );
          const withIt = sourcesByBucket(
            planChannelLayers(
              policy,
              content(
                c,
                [...list, extra].map((v) => ({ ...v })),
              ),
            ),
          );
          const [before, after] = remove ? [withIt, without] : [without, withIt];
          const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
            (b) => before.get(b) !== after.get(b),
          );
          // Exactly the layer of that version changes (or appears, or goes); every other keeps its source.
          expect(changed).toEqual([bucketOracle(extra.name, extra.version, layersOf(c))]);
        },
      ),
      runs(),
    );
  });

  it('adding a package touches only the buckets of its versions, whatever else the channel holds', () => {
    fc.assert(
      fc.property(
        channel,
        versions(),
        packageName,
        versions({ minLength: 1, maxLength: 4 }),
        (c, list, extra, adds) => {
          fc.pre(!list.some((v) => v.name === extra));
          const added = adds.map((v) => ({ ...v, name: extra }));
          const before = sourcesByBucket(
            planChannelLayers(
              policy,
              content(
                c,
                list.map((v) => ({ ...v })),
              ),
            ),
          );
          const after = sourcesByBucket(
            planChannelLayers(
              policy,
              content(
                c,
                [...list, ...added].map((v) => ({ ...v })),
              ),
            ),
          );
          const own = new Set(added.map((v) => bucketOracle(v.name, v.version, layersOf(c))));
          for (const b of new Set([...before.keys(), ...after.keys()]))
            expect(before.get(b) !== after.get(b)).toBe(own.has(b));
        },
      ),
      runs(),
    );
  });

  it('a layer source changes whenever one of its versions’ trees changes', () => {
    fc.assert(
      fc.property(channel, versions({ minLength: 1 }), fc.nat(), treeId, (c, list, pick, tree) => {
        const i = pick % list.length;
        fc.pre(list[i]!.tree !== tree);
        const changedList = list.map((v, j) => (j === i ? { ...v, tree } : { ...v }));
        const before = sourcesByBucket(
          planChannelLayers(
            policy,
            content(
              c,
              list.map((v) => ({ ...v })),
            ),
          ),
        );
        const after = sourcesByBucket(planChannelLayers(policy, content(c, changedList)));
        const own = bucketOracle(list[i]!.name, list[i]!.version, layersOf(c));
        for (const [b, source] of after) expect(source === before.get(b)).toBe(b !== own);
      }),
      runs(),
    );
  });
});
