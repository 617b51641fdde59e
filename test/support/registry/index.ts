// Real registries and read-back tools for the registry client tests.
export { ensureRegistryTools, findExecutable } from './tools.js';
export {
  startRegistry,
  freePort,
  type RegistryAuth,
  type StartRegistryOptions,
  type TestRegistry,
} from './registry.js';
export { startTokenServer, type TokenRequest, type TokenServer } from './token-server.js';
export {
  startFaultProxy,
  type Fault,
  type FaultAction,
  type FaultProxy,
  type InjectedFault,
  type ProxiedRequest,
} from './fault-proxy.js';
export {
  skopeoCopy,
  skopeoInspect,
  unpackImage,
  type SkopeoCopyOptions,
  type SkopeoInspectOptions,
  type SkopeoInspectResult,
  type UnpackedImage,
} from './skopeo.js';
export {
  buildLayer,
  seedBaseImage,
  sha256,
  type BuiltLayer,
  type SeedOptions,
  type SeededBaseImage,
  type SeededPlatform,
  type TarEntry,
} from './base-image.js';
export { run } from './exec.js';
export { seedUmociBase, type UmociBase, type UmociPlatform } from './umoci-base.js';
export { forgeImage, listReferrers, pushArtifact, repointArtifact } from './forge.js';
