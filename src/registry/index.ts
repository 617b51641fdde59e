// Public surface of the OCI distribution client.
export {
  isNotFound,
  referrersTag,
  RegistryClient,
  type ManifestResult,
  type RegistryClientOptions,
  type RegistryEvent,
  type ResolvedImage,
  type StreamSource,
  type UploadResult,
} from './client.js';
export { carriesCredentials, publicUrl, RegistryError, redact, secretForms } from './errors.js';
export {
  formatPlatform,
  imagePlatforms,
  isIndexMediaType,
  parseManifest,
  selectPlatform,
  sha256Digest,
} from './manifest.js';
export {
  assertNoCredentials,
  CredentialsInReferenceError,
  redactedUserinfo,
  splitUserinfo,
  DOCKER_HUB,
  DOCKER_HUB_API,
  formatImageReference,
  isValidRepository,
  isValidTag,
  manifestReference,
  parseImageReference,
  registryApiHost,
  sanitizeTag,
  type ImageReference,
} from './reference.js';
export {
  mergeScopes,
  parseScope,
  parseWwwAuthenticate,
  repositoryScope,
  type Challenge,
} from './challenge.js';
export {
  credentialsFromDockerConfig,
  defaultDockerConfigPath,
  parseDockerConfig,
  resolveCredentials,
  type Credentials,
  type DockerConfigFile,
} from './credentials.js';
export {
  backoffDelay,
  defaultProgressDeadline,
  parseRetryAfter,
  type ProgressDeadline,
  type RetryPolicy,
} from './transport.js';
