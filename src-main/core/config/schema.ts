import { z } from 'zod';
import {
  checkBucket,
  checkClientId,
  checkIdentityPoolId,
  checkLocationName,
  checkPoolRegion,
  checkPrefix,
  checkRegion,
  checkRoleArn,
  checkUserPoolId,
  identityPoolRegion,
  OWN_FOLDER_PREFIX,
  userPoolRegion,
} from './field-rules';
import { endpointRule } from './endpoint-rule';
import { checkUpdateUrl, UPDATE_CHANNELS } from './update-rules';
import { checkSignInDomain } from './sign-in-rules';
import type { Finding } from './problems';

/** A field rule: explains a bad value, naming the field the way the user wrote it. */
export type FieldRule = (value: string, field: string) => Finding | null;

/**
 * Zod issues carry the rule itself, so the loader can re-run it with the real field path
 * ("locations[2].bucket") and get a message that names the field, value and fix.
 */
export interface RuleIssueParams {
  hakobuRule: FieldRule;
  value: string;
}

function addRuleIssue(
  ctx: z.core.$RefinementCtx,
  rule: FieldRule,
  value: unknown,
  path: PropertyKey[] = [],
): void {
  // Zod may run a refinement over data that already failed elsewhere; only strings are checked.
  if (typeof value !== 'string') return;
  const finding = rule(value, 'value');
  if (!finding) return;
  const params: RuleIssueParams = { hakobuRule: rule, value };
  ctx.addIssue({ code: 'custom', message: finding.message, path, params });
}

const ruled = (rule: FieldRule) =>
  z.string().superRefine((value, ctx) => addRuleIssue(ctx, rule, value));

const Region = ruled(checkRegion);
const UserPoolId = ruled(checkUserPoolId);
const ClientId = ruled(checkClientId);
const IdentityPoolId = ruled(checkIdentityPoolId);
const RoleArn = ruled(checkRoleArn);
const AuthFlow = z.enum(['USER_SRP_AUTH', 'USER_PASSWORD_AUTH']);
const Access = z.enum(['readwrite', 'read']);
const ConflictPolicy = z.enum(['ask', 'overwrite', 'skip', 'rename']);
const Language = z.enum(['system', 'ja', 'en']);
const Theme = z.enum(['system', 'light', 'dark']);
// The old per-file and per-part counts (1-16), still read so an existing or IT file keeps loading.
const Concurrency = z.number().int().min(1).max(16);
// Same bounds as the settings.update channel, so anything the UI may save also loads.
const ParallelTransfers = z.number().int().min(1).max(64);
const PartSizeMiB = z.number().int().min(5).max(5120);

/** One place to upload to and browse: a bucket (or access point) plus a key prefix template. */
export const LocationConfig = z
  .object({
    name: ruled(checkLocationName),
    bucket: ruled(checkBucket),
    prefix: z.string().default(OWN_FOLDER_PREFIX),
    access: Access.default('readwrite'),
  })
  .superRefine((location, ctx) => {
    const rule: FieldRule = (value, field) => checkPrefix(value, field, location.access);
    addRuleIssue(ctx, rule, location.prefix, ['prefix']);
  });
export type LocationConfig = z.infer<typeof LocationConfig>;

const Locations = z
  .array(LocationConfig)
  .min(1)
  .superRefine((locations, ctx) => {
    const seen = new Set<string>();
    locations.forEach((location, index) => {
      if (seen.has(location.name)) {
        ctx.addIssue({
          code: 'custom',
          message: `two locations are named "${location.name}"`,
          path: [index, 'name'],
          params: { duplicateName: location.name },
        });
      }
      seen.add(location.name);
    });
  });

// Each field takes only its own service's hosts: the one that receives the refresh token must not
// be a host that merely belongs to some other AWS service.
const Endpoints = z.object({
  cognitoIdp: ruled(endpointRule('cognitoIdp')).optional(),
  cognitoIdentity: ruled(endpointRule('cognitoIdentity')).optional(),
  s3: ruled(endpointRule('s3')).optional(),
});

// Updates: only the managed file may set these (merge.ts IT_ONLY_GROUPS), so IT alone decides
// whether machines update, from where and on which channel.
const UpdateChannel = z.enum(UPDATE_CHANNELS);
const UPDATE_DEFAULTS = { enabled: true, channel: 'latest' } as const;

/** The `updates` object of a file: every key optional, so merging can tell who set what. */
export const UpdatesLayer = z.object({
  enabled: z.boolean().optional(),
  url: ruled(checkUpdateUrl).optional(),
  channel: UpdateChannel.optional(),
});
export type UpdatesLayer = z.infer<typeof UpdatesLayer>;

/** The effective update settings: on, from the feed built into the installer, stable channel. */
export const UpdatesConfig = z
  .object({
    enabled: z.boolean().default(UPDATE_DEFAULTS.enabled),
    url: ruled(checkUpdateUrl).optional(),
    channel: UpdateChannel.default(UPDATE_DEFAULTS.channel),
  })
  .default(UPDATE_DEFAULTS);
export type UpdatesConfig = z.infer<typeof UpdatesConfig>;
// How people sign in: the password form, or the browser through Cognito managed login (which can
// go straight on to the company's IdP). The domain receives codes and refresh tokens (see
// sign-in-rules.ts); ports are the loopback callbacks registered in the app client.
const SignInMethod = z.enum(['password', 'managedLogin']);
const CallbackPort = z.number().int().min(1024).max(65535);
const signInFields = {
  domain: ruled(checkSignInDomain).optional(),
  identityProvider: z.string().trim().min(1).max(128).optional(),
  idpIdentifier: z.string().trim().min(1).max(128).optional(),
  displayName: z.string().trim().min(1).max(64).optional(),
  callbackPorts: z.array(CallbackPort).min(1).max(10).optional(),
  browserTimeoutSeconds: z.number().int().min(1).max(3600).optional(),
  signOutOfBrowser: z.boolean().optional(),
};
const SignInLayer = z.object({ method: SignInMethod.optional(), ...signInFields });
const SignIn = z
  .object({ method: SignInMethod.default('password'), ...signInFields })
  .superRefine((signIn, ctx) => {
    if (signIn.method !== 'managedLogin' || signIn.domain !== undefined) return;
    const finding: Finding = {
      code: 'CONFIG_MISSING_FIELD',
      message:
        'signIn.method is "managedLogin", but signIn.domain is not set: Hakobu does not know where to send people to sign in.',
      fix: 'Copy the domain from the user pool\'s "Domain" page in the Cognito console into signIn.domain, or set signIn.method to "password".',
    };
    ctx.addIssue({
      code: 'custom',
      message: finding.message,
      path: ['domain'],
      params: { finding },
    });
  });
export type SignInConfig = z.infer<typeof SignIn>;

/**
 * What one configuration file may say: every key optional, no defaults, so that merging can
 * tell which file set which key. Unknown keys are stripped here (and reported as warnings).
 */
export const ConfigLayer = z.object({
  region: Region.optional(),
  userPoolId: UserPoolId.optional(),
  clientId: ClientId.optional(),
  identityPoolId: IdentityPoolId.optional(),
  authFlow: AuthFlow.optional(),
  endpoints: Endpoints.optional(),
  locations: Locations.optional(),
  customRoleArn: RoleArn.optional(),
  signIn: SignInLayer.optional(),
  transfers: z
    .object({
      concurrency: Concurrency.optional(),
      partConcurrency: Concurrency.optional(),
      parallelTransfers: ParallelTransfers.optional(),
      partSizeMiB: PartSizeMiB.optional(),
      conflictPolicy: ConflictPolicy.optional(),
      conditionalWrites: z.boolean().optional(),
    })
    .optional(),
  ui: z.object({ language: Language.optional(), theme: Theme.optional() }).optional(),
  // IT-only: read from the managed file alone (see UpdatesLayer).
  updates: UpdatesLayer.optional(),
});
export type ConfigLayer = z.infer<typeof ConfigLayer>;

/** The effective configuration Hakobu runs with: all layers merged, defaults filled in. */
export const HakobuConfig = z
  .object({
    region: Region,
    userPoolId: UserPoolId,
    clientId: ClientId,
    identityPoolId: IdentityPoolId,
    authFlow: AuthFlow.default('USER_SRP_AUTH'),
    endpoints: Endpoints.default({}),
    locations: Locations,
    customRoleArn: RoleArn.optional(),
    signIn: SignIn.default({ method: 'password' }),
    transfers: z
      .object({
        // S3 requests in flight across all files and parts. No default here: the engine owns it
        // (DEFAULT_PARALLEL_TRANSFERS in transfers/budget.ts), so the bench can move it in one place.
        parallelTransfers: ParallelTransfers.optional(),
        // Kept for old and IT files: when set, their product caps parallelTransfers. No defaults,
        // because a default pair would silently cap every user's budget at its product.
        concurrency: Concurrency.optional(),
        partConcurrency: Concurrency.optional(),
        partSizeMiB: PartSizeMiB.default(8),
        conflictPolicy: ConflictPolicy.default('ask'),
        // Unset or true: name conflicts are caught by the upload itself (If-None-Match: *).
        // false for an S3-compatible target that ignores the header (doctor detects it), so
        // each file is looked up first instead.
        conditionalWrites: z.boolean().optional(),
      })
      .default({ partSizeMiB: 8, conflictPolicy: 'ask' }),
    ui: z
      .object({ language: Language.default('system'), theme: Theme.default('system') })
      .default({ language: 'system', theme: 'system' }),
    updates: UpdatesConfig,
  })
  .superRefine(
    (config, ctx) => {
      // Cognito serves a pool only from its own region, so one region must fit both pools.
      if (typeof config.region !== 'string' || checkRegion(config.region, 'region')) return;
      const region = config.region;
      const userPool: FieldRule = (value, field) =>
        checkPoolRegion(value, field, region, userPoolRegion(value), 'pool');
      const identityPool: FieldRule = (value, field) =>
        checkPoolRegion(value, field, region, identityPoolRegion(value), 'identity pool');
      addRuleIssue(ctx, userPool, config.userPoolId, ['userPoolId']);
      addRuleIssue(ctx, identityPool, config.identityPoolId, ['identityPoolId']);
    },
    // Also while other fields are missing, so a first-run setup hears about a wrong region early.
    { when: (payload) => typeof payload.value === 'object' && payload.value !== null },
  );
export type HakobuConfig = z.infer<typeof HakobuConfig>;
