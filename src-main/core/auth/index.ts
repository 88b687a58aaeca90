// The sign-in module's public surface: everything else in auth/ is an implementation detail.
export { AuthSession, createAuthSession } from './auth-session';
export type { AuthSessionOptions } from './auth-session-options';
export type { OpenBrowser } from './browser-sign-in';
export type { AuthState, AuthStateListener } from './auth-state';
export { totpSetupUri } from './totp-uri';
