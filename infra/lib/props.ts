import { z } from 'zod';

/**
 * Loopback ports the desktop app may listen on for the managed-login redirect, in the order it
 * tries them (the same as local-aws's SSO_CALLBACK_PORTS). Cognito matches callback URLs exactly,
 * with no port wildcard, so the app and the app client must agree on a fixed few.
 */
export const DEFAULT_CALLBACK_PORTS = [47120, 47121, 47122] as const;
/** The custom-scheme redirects the desktop app registers with the OS. */
export const APP_SCHEME_CALLBACK = 'hakobu://callback';
export const APP_SCHEME_SIGNED_OUT = 'hakobu://signed-out';

// A key prefix under the bucket: relative, ending in "/", no IAM policy variables.
const SharedPrefix = z
  .string()
  .regex(/^[^/$*?][^$*?]*\/$/, 'a relative key prefix ending in "/", without "$", "*" or "?"');

/** A folder every signed-in user (or a group's users) may read but not write. */
export const SharedLocationProps = z.object({
  /** The location's name in Hakobu's config (shown in the app). */
  name: z.string().min(1).max(128),
  prefix: SharedPrefix,
});
export type SharedLocationProps = z.infer<typeof SharedLocationProps>;

export const GroupProps = z.object({
  name: z.string().regex(/^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,128}$/u),
  description: z.string().max(2048).optional(),
  /** Lower wins when a user is in several groups (Cognito's cognito:preferred_role). */
  precedence: z.number().int().nonnegative().optional(),
  /** Extra read-only folders for this group's role (only with chooseRoleFromToken). */
  sharedReadOnly: z.array(SharedLocationProps).default([]),
});
export type GroupProps = z.infer<typeof GroupProps>;

const AttributeMapping = z.object({
  email: z.string().min(1).optional(),
  fullname: z.string().min(1).optional(),
  givenName: z.string().min(1).optional(),
  familyName: z.string().min(1).optional(),
});
export type AttributeMappingProps = z.infer<typeof AttributeMapping>;

export const OidcProviderProps = z.object({
  /** The provider's name as users see it on the managed login page (e.g. "EntraID"). */
  name: z.string().regex(/^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u),
  issuerUrl: z.string().url().startsWith('https://'),
  clientId: z.string().min(1),
  /** Name of the Secrets Manager secret holding the client secret (never the secret itself). */
  clientSecretName: z.string().min(1),
  scopes: z.array(z.string().min(1)).default(['openid', 'email', 'profile']),
  attributeMapping: AttributeMapping.default({ email: 'email', fullname: 'name' }),
});

export const SamlProviderProps = z.object({
  name: z.string().regex(/^[^_\p{Z}][\p{L}\p{M}\p{S}\p{N}\p{P}][^_\p{Z}]+$/u),
  metadataUrl: z.string().url().startsWith('https://'),
  attributeMapping: AttributeMapping.default({
    email: 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress',
  }),
});

/** Cognito's managed login (issue 12, SSO): a domain, a code-grant client, optional federation. */
export const ManagedLoginProps = z.object({
  /** The <prefix>.auth.<region>.amazoncognito.com domain; globally unique per region. */
  domainPrefix: z.string().regex(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/),
  callbackPorts: z
    .array(z.number().int().min(1024).max(65535))
    .min(1)
    .default([...DEFAULT_CALLBACK_PORTS]),
  /** Where managed login may send users after sign-out; /signed-out on each port and hakobu:// by default. */
  logoutUrls: z.array(z.string().min(1)).optional(),
  oidc: OidcProviderProps.optional(),
  saml: SamlProviderProps.optional(),
});
export type ManagedLoginProps = z.infer<typeof ManagedLoginProps>;

/** Everything IT may set when deploying Hakobu's backend (context key "hakobu" in cdk.json). */
export const HakobuBackendProps = z.object({
  /** A fixed bucket name; CloudFormation generates one when omitted. */
  bucketName: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/)
    .optional(),
  /** The name of the own-folder location in the generated Hakobu config. */
  locationName: z.string().min(1).max(128).default('My files'),
  versioned: z.boolean().default(false),
  /** Origins of a browser client; Hakobu uploads from Node and needs no CORS rule. */
  browserOrigins: z.array(z.string().url()).default([]),
  mfa: z.enum(['off', 'optional', 'required']).default('optional'),
  idTokenMinutes: z.number().int().min(5).max(1440).default(60),
  accessTokenMinutes: z.number().int().min(5).max(1440).default(60),
  refreshTokenDays: z.number().int().min(1).max(3650).default(30),
  /** Read-only folders for every signed-in user. */
  sharedReadOnly: z.array(SharedLocationProps).default([]),
  groups: z.array(GroupProps).default([]),
  /**
   * "Choose role from token": each group gets its own role, taken from cognito:preferred_role;
   * ambiguous or missing roles are denied, so every user must then be in a group.
   */
  chooseRoleFromToken: z.boolean().default(false),
  managedLogin: ManagedLoginProps.optional(),
});
/** The props as IT writes them (defaults optional). */
export type HakobuBackendInput = z.input<typeof HakobuBackendProps>;
/** The props with defaults filled in. */
export type HakobuBackendProps = z.infer<typeof HakobuBackendProps>;

/** Validates IT's settings, with an error naming each bad field as `hakobu.<path>`. */
export function parseBackendProps(input: unknown): HakobuBackendProps {
  const parsed = HakobuBackendProps.safeParse(input ?? {});
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  hakobu.${i.path.join('.')}: ${i.message}`);
  throw new Error(`Hakobu's backend settings are invalid:\n${lines.join('\n')}`);
}
