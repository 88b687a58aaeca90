import type { AwsCredentialIdentityProvider } from '@smithy/types';
import type { HakobuConfig } from '../config';
import type { Logger } from '../log/logger';

export type DoctorStatus = 'ok' | 'warn' | 'fail' | 'skipped';

/** One checked thing: what was found, and for warn/fail what an administrator should change. */
export interface DoctorStep {
  /** Stable step ID, e.g. "auth-flow" or "bucket:Photos". */
  id: string;
  /** English title; the UI translates by `id`'s kind (the part before ":"). */
  title: string;
  status: DoctorStatus;
  /** Stable code of this outcome for translation, e.g. "doctor.authFlow.notEnabled". */
  code: string;
  /** What doctor saw, in English. */
  detail: string;
  /** What to change, in English, for warn and fail. */
  fix?: string;
  /** Values the translated detail and fix interpolate. */
  params?: Record<string, string | number>;
}

/** Everything doctor found; `ok` is false as soon as one step failed (warnings do not count). */
export interface DoctorReport {
  ok: boolean;
  steps: DoctorStep[];
}

/** A signed-in session (the app's AuthSession fits): only its tokens are used. */
export interface DoctorSession {
  getIdToken(): Promise<string>;
  /** Lets doctor show what the Identity Pool says about an access token (pitfall S1). */
  getAccessToken?(): Promise<string>;
}

/** How doctor gets a signed-in user for the steps that need one. */
export type DoctorSignIn = { session: DoctorSession } | { username: string; password: string };

export interface DoctorOptions {
  config: HakobuConfig;
  /** Without it, the steps from sign-in on are skipped with a note saying how to run them. */
  signIn?: DoctorSignIn;
  /**
   * Optional read-only AWS credentials of an administrator (cognito-identity:DescribeIdentityPool
   * and GetIdentityPoolRoles). Doctor works without them; with them it can tell apart causes the
   * public APIs answer with the same error (e.g. "no role assigned" vs "trust policy").
   */
  adminCredentials?: AwsCredentialIdentityProvider;
  /** Adds the note on bucket CORS (pitfall S4) to the report. */
  includeCorsNote?: boolean;
  /** Called as each step finishes, so the CLI and the UI can show progress. */
  onStep?: (step: DoctorStep) => void;
  /** This computer's clock (epoch ms), compared with the services' Date headers. */
  now?: () => number;
  /** Per network call; a service that does not answer in time counts as unreachable. */
  timeoutMs?: number;
  log?: Logger;
}

/** A step's result before the runner adds its ID and title. */
export type StepOutcome = Omit<DoctorStep, 'id' | 'title'>;
