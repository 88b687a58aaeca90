// The sign-in module's public surface: everything else in auth/ is an implementation detail.
export { AuthSession, createAuthSession, type AuthSessionOptions } from './auth-session';
export type { AuthState, AuthStateListener } from './auth-state';
export { totpSetupUri } from './totp-uri';
