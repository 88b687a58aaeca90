import type { UserFacingError } from '../../api/dispatch';
import type { CallbackOutcome } from './callback-page';
import { authorizeRefused, signInCancelled, stateMismatch } from './errors';
import { sameState } from './pkce';

/** What a redirect back from /oauth2/authorize means for the attempt waiting on it. */
export type CallbackResult =
  | { kind: 'code'; code: string; outcome: CallbackOutcome }
  | { kind: 'error'; error: UserFacingError; outcome: CallbackOutcome };

/**
 * Reads a redirect's query (from the loopback listener or a hakobu:// deep link). The state is
 * checked before anything else, so a callback this attempt did not start can only end it, never
 * hand it a code.
 */
export function judgeCallback(query: URLSearchParams, expectedState: string): CallbackResult {
  if (!sameState(expectedState, query.get('state'))) {
    return { kind: 'error', error: stateMismatch(), outcome: 'wrongAttempt' };
  }
  const error = query.get('error');
  if (error === 'access_denied') {
    return { kind: 'error', error: signInCancelled(), outcome: 'cancelled' };
  }
  if (error) {
    const description = query.get('error_description') ?? undefined;
    return { kind: 'error', error: authorizeRefused(error, description), outcome: 'failed' };
  }
  const code = query.get('code');
  if (!code) {
    return {
      kind: 'error',
      error: authorizeRefused('invalid_request', 'no code in the redirect'),
      outcome: 'failed',
    };
  }
  return { kind: 'code', code, outcome: 'signedIn' };
}
