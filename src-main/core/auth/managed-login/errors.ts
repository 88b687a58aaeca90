import { CognitoUserError } from '../../cognito-errors/cognito-user-error';

// Every way browser sign-in can fail, in words the user (or IT) can act on. The codes are what
// the renderer translates; the English text is the fallback and what the CLI prints.

/** The user closed or cancelled sign-in at the identity provider (error=access_denied). */
export const signInCancelled = () =>
  new CognitoUserError(
    'auth.browserCancelled',
    'Sign-in was cancelled in the browser. Choose “Sign in” again when you are ready.',
  );

/** No callback arrived in time. */
export const signInTimedOut = (minutes: number) =>
  new CognitoUserError(
    'auth.browserTimedOut',
    `Sign-in in the browser was not finished within ${minutes} minute${minutes === 1 ? '' : 's'}. Try again, and finish signing in in the browser that opens.`,
    { minutes },
  );

/** The callback's state is not the one this attempt sent: another attempt, or a forged link. */
export const stateMismatch = () =>
  new CognitoUserError(
    'auth.browserStateMismatch',
    'The browser came back from a different sign-in attempt than the one Hakobu started, so it was ignored. Try again, and use only the newest browser tab.',
  );

/** Every configured callback port is taken by another program. */
export const callbackPortsInUse = (ports: readonly number[]) =>
  new CognitoUserError(
    'auth.browserPortsInUse',
    `Hakobu could not wait for the browser: ports ${ports.join(', ')} on this computer are all in use by other programs. Close the program using them and try again, or ask IT to add another port to signIn.callbackPorts (and to the app client's callback URLs).`,
    { ports: ports.join(', ') },
  );

/** The browser could not be opened (no desktop, no default browser). */
export const browserNotOpened = () =>
  new CognitoUserError(
    'auth.browserNotOpened',
    'Hakobu could not open a web browser. Open the sign-in address shown in a browser on this computer, or try again.',
  );

/** The user pool sent an OAuth error back other than a cancel: IT has to fix the app client. */
export const authorizeRefused = (error: string, description: string | undefined) =>
  new CognitoUserError(
    'auth.browserRefused',
    `The sign-in service refused the request (${error}${description ? `: ${description}` : ''}). Ask IT to run “hakobu doctor”, which checks the app client's OAuth settings.`,
    { error, ...(description ? { description } : {}) },
  );

/** The token endpoint refused the code or the refresh token. */
export const tokenRefused = (error: string, description: string | undefined) =>
  error === 'invalid_grant'
    ? new CognitoUserError(
        'auth.sessionExpired',
        'Your session has ended. Please sign in again.',
        undefined,
        error,
      )
    : new CognitoUserError(
        'auth.browserTokenRefused',
        `The sign-in service did not accept Hakobu's request (${error}${description ? `: ${description}` : ''}). Ask IT to run “hakobu doctor”, which checks the app client.`,
        { error },
        error,
      );

/** The sign-in service could not be reached or answered with something that is not OAuth. */
export const signInServiceUnreachable = (detail: string) =>
  new CognitoUserError(
    'auth.browserUnreachable',
    `Hakobu could not reach the sign-in service (${detail}). Check the network connection and try again.`,
    { detail },
  );

/** Browser sign-in was asked for, but the configuration has no managed-login domain. */
export const browserSignInNotConfigured = () =>
  new CognitoUserError(
    'auth.browserNotConfigured',
    'Signing in through the browser is not set up for this computer. Ask IT to set signIn.method to "managedLogin" and signIn.domain in the Hakobu configuration.',
  );

/** A second browser sign-in was started while one is waiting. */
export const browserSignInWaiting = () =>
  new CognitoUserError(
    'auth.browserAlreadyWaiting',
    'Hakobu is already waiting for the browser. Finish signing in there, or cancel first.',
  );
