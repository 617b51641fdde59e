// Which package-registry a channel's Dockerfile pins: one reading shared by publish-image (the base tag it builds
// on) and validate's registry-version rule, so the two can never disagree about a Dockerfile.
import { describe, expect, it } from 'vitest';
import { registryVersionFromDockerfile } from '../../src/core/image-plan.js';

describe('registryVersionFromDockerfile', () => {
  it.each([
    [
      'the usual pin',
      'ARG PACKAGE_REGISTRY=v1.15.0\nFROM docker.elastic.co/package-registry/package-registry:${PACKAGE_REGISTRY}\n',
      'v1.15.0',
    ],
    ['quoted, indented, spaces around =', '  ARG PACKAGE_REGISTRY = "v1.16.2"\n', 'v1.16.2'],
    ['single quotes, CRLF line ends', "FROM scratch\r\nARG PACKAGE_REGISTRY='v1.9.0'\r\n", 'v1.9.0'],
    [
      'a lower-case instruction (Docker reads instructions case-insensitively)',
      'arg PACKAGE_REGISTRY=v1.15.0\n',
      'v1.15.0',
    ],
    [
      'the first pin when there are two',
      'ARG PACKAGE_REGISTRY=v1.15.0\nARG PACKAGE_REGISTRY=v1.16.0\n',
      'v1.15.0',
    ],
    ['a commented-out pin is no pin', '# ARG PACKAGE_REGISTRY=v1.15.0\n', undefined],
    [
      'another argument name (names are exact)',
      'ARG package_registry=v1.15.0\nARG PACKAGE_REGISTRY_MIRROR=x\n',
      undefined,
    ],
    ['an ARG without a default', 'ARG PACKAGE_REGISTRY\n', undefined],
    ['no Dockerfile', undefined, undefined],
  ])('%s', (_what, dockerfile, expected) => {
    expect(registryVersionFromDockerfile(dockerfile)).toBe(expected);
  });
});
