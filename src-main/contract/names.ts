// Channel and event names alone, for the preload: it must stay small and carries no zod schemas
// (main validates). tests/unit/api/contract-names.test.ts keeps this list equal to channels.ts.
import type { EventName, InvokeChannelName } from './channels';

export const INVOKE_CHANNEL_NAMES: readonly InvokeChannelName[] = [
  'app.info',
  'session.get',
  'session.signIn',
  'session.completeNewPassword',
  'session.submitMfaCode',
  'session.verifyTotpSetup',
  'session.forgotPassword',
  'session.confirmForgotPassword',
  'session.changePassword',
  'session.cancelChallenge',
  'session.signOut',
  'session.signInWithBrowser',
  'session.cancelBrowserSignIn',
  'transfers.snapshot',
  'transfers.enqueue',
  'transfers.pause',
  'transfers.resume',
  'transfers.cancel',
  'transfers.retry',
  'transfers.clearFinished',
  'transfers.resolveConflict',
  'files.choose',
  'files.offers',
  'files.closeOffer',
  'library.locations',
  'library.list',
  'library.download',
  'library.delete',
  'settings.get',
  'settings.update',
  'doctor.run',
];

export const EVENT_NAMES: readonly EventName[] = [
  'session.changed',
  'transfers.changed',
  'transfers.conflict',
  'library.objectAdded',
  'app.command',
  'files.offered',
];
