// Decides, before anything is built, whether `npm run dist` makes a signed release or an unsigned
// local build, so a release never fails (or silently ships unsigned) an hour in on a missing
// certificate. Plain Node and pure: scripts/release/dist.ts applies the plan, tests call it directly.

/** A platform whose installers are signed; Linux packages are not. */
export type SignedPlatform = 'mac' | 'win';

/** One complete way to provide a credential: every variable must be set. */
interface CredentialSet {
  label: string;
  variables: readonly string[];
}

/** A credential a release needs on one platform, satisfied by any one of its sets. */
interface Requirement {
  platform: SignedPlatform;
  what: string;
  anyOf: readonly CredentialSet[];
}

const REQUIREMENTS: readonly Requirement[] = [
  {
    platform: 'mac',
    what: 'macOS signing (Developer ID Application certificate)',
    anyOf: [{ label: 'a .p12 file', variables: ['CSC_LINK', 'CSC_KEY_PASSWORD'] }],
  },
  {
    platform: 'mac',
    what: 'macOS notarization (notarytool)',
    anyOf: [
      {
        label: 'an App Store Connect API key',
        variables: ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'],
      },
      {
        label: 'an Apple ID',
        variables: ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'],
      },
      { label: 'a notarytool keychain profile', variables: ['APPLE_KEYCHAIN_PROFILE'] },
    ],
  },
  {
    platform: 'win',
    what: 'Windows signing (Authenticode)',
    anyOf: [
      { label: 'a .pfx file for Windows', variables: ['WIN_CSC_LINK', 'WIN_CSC_KEY_PASSWORD'] },
      { label: 'a .pfx file', variables: ['CSC_LINK', 'CSC_KEY_PASSWORD'] },
      {
        label: 'Azure Trusted Signing',
        variables: [
          'AZURE_TENANT_ID',
          'AZURE_CLIENT_ID',
          'AZURE_CLIENT_SECRET',
          'HAKOBU_AZURE_SIGNING_ENDPOINT',
          'HAKOBU_AZURE_SIGNING_ACCOUNT',
          'HAKOBU_AZURE_CERTIFICATE_PROFILE',
        ],
      },
    ],
  },
];

/** Every variable that can make electron-builder sign or notarize; a local build clears them. */
export const SIGNING_VARIABLES: readonly string[] = [
  ...new Set(REQUIREMENTS.flatMap((r) => r.anyOf.flatMap((set) => set.variables))),
  'CSC_NAME',
  'APPLE_KEYCHAIN',
];

/** What the caller passes: the arguments meant for electron-builder, the environment, the host. */
export interface PlanInput {
  argv: readonly string[];
  env: Readonly<Record<string, string | undefined>>;
  hostPlatform: NodeJS.Platform;
  /** The certificate subject Windows updates must match (win.signtoolOptions.publisherName). */
  windowsPublisher?: string;
}

/** The decision: build signed, build unsigned, or stop with a message naming what is missing. */
export type SigningPlan =
  | { kind: 'release'; platforms: SignedPlatform[]; args: string[]; notice: string }
  | { kind: 'local'; platforms: SignedPlatform[]; args: string[]; unset: string[]; notice: string }
  | { kind: 'refused'; message: string };

const isSet = (env: PlanInput['env'], name: string): boolean => (env[name] ?? '').trim() !== '';

/** True when the arguments publish (`--publish always`, `-p onTag`…) rather than `--publish never`. */
export function publishes(argv: readonly string[]): boolean {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--publish=')) return arg.slice('--publish='.length) !== 'never';
    if (arg === '--publish' || arg === '-p') {
      // A bare --publish (followed by nothing or another flag) publishes too.
      return argv[i + 1] !== 'never';
    }
  }
  return false;
}

/** The signed platforms a run builds for: those named in argv, else the host's own. */
export function targetPlatforms(argv: readonly string[], host: NodeJS.Platform): SignedPlatform[] {
  const named = (flags: string[]) => argv.some((arg) => flags.includes(arg));
  const mac = named(['--mac', '--macos', '-m']);
  const win = named(['--win', '--windows', '-w']);
  const linux = named(['--linux', '-l']);
  if (mac || win || linux) {
    return [...(mac ? ['mac' as const] : []), ...(win ? ['win' as const] : [])];
  }
  if (host === 'darwin') return ['mac'];
  if (host === 'win32') return ['win'];
  return [];
}

/** electron-builder options that carry the Azure Trusted Signing account from the environment. */
function azureArgs(env: PlanInput['env'], publisher: string): string[] {
  if (!isSet(env, 'HAKOBU_AZURE_SIGNING_ENDPOINT')) return [];
  if (isSet(env, 'WIN_CSC_LINK') || isSet(env, 'CSC_LINK')) return [];
  return [
    `-c.win.azureSignOptions.publisherName=${publisher}`,
    `-c.win.azureSignOptions.endpoint=${env.HAKOBU_AZURE_SIGNING_ENDPOINT ?? ''}`,
    `-c.win.azureSignOptions.codeSigningAccountName=${env.HAKOBU_AZURE_SIGNING_ACCOUNT ?? ''}`,
    `-c.win.azureSignOptions.certificateProfileName=${env.HAKOBU_AZURE_CERTIFICATE_PROFILE ?? ''}`,
  ];
}

/** Decides how `npm run dist <argv>` signs; see docs/release.md for every variable it names. */
export function signingPlan({
  argv,
  env,
  hostPlatform,
  windowsPublisher = 'Hakobu',
}: PlanInput): SigningPlan {
  const platforms = targetPlatforms(argv, hostPlatform);
  const release = env.HAKOBU_RELEASE === '1' || publishes(argv);
  if (!release) {
    return {
      kind: 'local',
      platforms,
      // No notarization attempt either: it needs a signature, and this build has none.
      args: platforms.includes('mac') ? ['-c.mac.notarize=false'] : [],
      unset: SIGNING_VARIABLES.filter((name) => env[name] !== undefined),
      notice:
        'dist: unsigned local build (signing and notarization skipped). For a signed release set ' +
        'HAKOBU_RELEASE=1 or pass --publish; see docs/release.md.',
    };
  }
  const gaps = REQUIREMENTS.filter((r) => platforms.includes(r.platform)).filter(
    (r) => !r.anyOf.some((set) => set.variables.every((name) => isSet(env, name))),
  );
  if (gaps.length > 0) {
    const lines = gaps.flatMap((gap) => [
      `  ${gap.what} needs one of:`,
      ...gap.anyOf.map((set) => {
        const missing = set.variables.filter((name) => !isSet(env, name));
        return `    - ${set.label}: ${set.variables.join(', ')} (missing: ${missing.join(', ')})`;
      }),
    ]);
    return {
      kind: 'refused',
      message: [
        'dist: refusing to build a release: signing credentials are missing from the environment.',
        ...lines,
        'See "Signing credentials" in docs/release.md. For an unsigned local build, unset ' +
          'HAKOBU_RELEASE and leave out --publish.',
      ].join('\n'),
    };
  }
  const signing = platforms.length
    ? `signing for ${platforms.join(' and ')} with credentials from the environment`
    : 'nothing to sign (Linux packages are not signed)';
  return {
    kind: 'release',
    platforms,
    args: platforms.includes('win') ? azureArgs(env, windowsPublisher) : [],
    notice: `dist: release build, ${signing}.`,
  };
}
