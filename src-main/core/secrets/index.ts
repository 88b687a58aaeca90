// The secrets module's public surface: where refresh tokens live between launches.
export {
  MAX_SECRET_BYTES,
  SESSION_ONLY_MESSAGE,
  checkSecretSize,
  type SecretStore,
  type SecretStoreStatus,
  type SecretWriteResult,
} from './secret-store';
export { KeytarSecretStore, type KeytarApi, type KeytarStoreOptions } from './keytar-store';
export { MemorySecretStore } from './memory-store';
export {
  SignInVault,
  StoredSignIn,
  signInAccount,
  lastUserAccount,
  signInNameAccount,
  scopeAccount,
  type SignInScope,
} from './sign-in-vault';
