// Stage 3: assemble each channel's image from its base and its ready layers: one image per base platform (the
// package layers are the very same blobs in all of them), and an index over them when there is more than one.
// Pure: the same plan, base and layers always give the same digests.
import { buildImage, buildIndex, type BuiltImage, type BuiltIndex, type NewLayer } from '../oci/image.js';
import type { StoredImage, StoredIndex } from '../oci/layout.js';
import type { Descriptor, Digest } from '../oci/types.js';
import type { ReadyLayer } from './layers.js';
import {
  createdTime,
  imageLabels,
  indexAnnotations,
  manifestAnnotations,
  type ExtraMetadata,
  type MetadataInput,
} from './metadata.js';
import type { ChannelJob } from './plan.js';

export interface AssembledImage {
  job: ChannelJob;
  /** One per platform, in the base's order. */
  images: BuiltImage[];
  /** Set when the image is published as an index. */
  index?: BuiltIndex;
  /** What the tags name: the index, or the single image's manifest. */
  digest: Digest;
  top: { bytes: Buffer; descriptor: Descriptor };
  /** The package and configuration layers, in image order. */
  layers: ReadyLayer[];
}

export interface AssembleOptions {
  sourceUrl?: string;
  extra: ExtraMetadata;
}

function newLayer(layer: ReadyLayer): NewLayer {
  return {
    diffId: layer.diffId,
    digest: layer.digest,
    size: layer.size,
    mediaType: layer.mediaType,
    ...(layer.annotations ? { annotations: layer.annotations } : {}),
    ...(layer.createdBy !== undefined ? { createdBy: layer.createdBy } : {}),
    ...(layer.comment !== undefined ? { comment: layer.comment } : {}),
  };
}

export function assemble(
  job: ChannelJob,
  layers: ReadonlyMap<string, ReadyLayer>,
  o: AssembleOptions,
): AssembledImage {
  const own = job.layers.map((w) => {
    const layer = layers.get(w.source);
    if (!layer) throw new Error(`layer ${w.source} was not resolved`);
    return layer;
  });
  const meta: MetadataInput = {
    plan: job.plan,
    registryVersion: job.registryVersion,
    ...(o.sourceUrl ? { sourceUrl: o.sourceUrl } : {}),
    ...(job.tags.release[0] ? { version: job.tags.release[0] } : {}),
    ...(job.base.label ? { baseName: job.base.label } : {}),
    extra: o.extra,
  };
  const images = job.platforms.map((p) => {
    const perPlatform = { ...meta, ...(p.digest ? { baseDigest: p.digest } : {}) };
    return buildImage(p.image, own.map(newLayer), {
      created: createdTime(job.plan.created),
      labels: imageLabels(perPlatform),
      annotations: manifestAnnotations(perPlatform),
      platform: p.platform,
    });
  });
  if (images.length === 1) {
    const image = images[0]!;
    return {
      job,
      images,
      digest: image.digest,
      top: { bytes: image.manifestBytes, descriptor: image.manifestDescriptor },
      layers: own,
    };
  }
  const index = buildIndex(
    images,
    indexAnnotations({ ...meta, ...(job.base.digest ? { baseDigest: job.base.digest } : {}) }),
    job.platforms.map((p) => p.platform),
  );
  return {
    job,
    images,
    index,
    digest: index.digest,
    top: { bytes: index.indexBytes, descriptor: index.descriptor },
    layers: own,
  };
}

/** What layouts and archives store for the image. */
export function stored(a: AssembledImage): StoredImage | StoredIndex {
  return a.index ?? a.images[0]!;
}
