// The credentials module's public surface.
export {
  createIdentityCredentials,
  type IdentityCredentials,
  type IdentityCredentialsOptions,
} from './identity-credentials';
export {
  fileIdentityIdStore,
  identityCacheKey,
  memoryIdentityIdStore,
  IDENTITY_CACHE_FILE,
  type IdentityIdStore,
} from './identity-id-store';
