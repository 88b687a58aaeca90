import { createHash } from 'node:crypto';

/** Where the template is "deployed": what CloudFormation would know at deploy time. */
export interface DeployTarget {
  region: string;
  accountId: string;
  stackName: string;
}

/** Bytes derived from the stack and a logical ID, so a template always gets the same IDs. */
function seed(target: DeployTarget, logicalId: string): Buffer {
  return createHash('sha256').update(`${target.stackName}/${logicalId}`).digest();
}

function fromAlphabet(bytes: Buffer, alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[(bytes[i] ?? 0) % alphabet.length];
  return out;
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const LOWER_ALNUM = 'abcdefghijklmnopqrstuvwxyz0123456789';

/** A user pool ID as Cognito shapes it: <region>_<9 letters and digits>. */
export const userPoolIdFor = (t: DeployTarget, logicalId: string) =>
  `${t.region}_${fromAlphabet(seed(t, logicalId), ALNUM, 9)}`;

/** An app client ID as Cognito shapes it: 26 lowercase letters and digits. */
export const clientIdFor = (t: DeployTarget, logicalId: string) =>
  fromAlphabet(seed(t, logicalId), LOWER_ALNUM, 26);

/** An identity pool ID as Cognito shapes it: <region>:<uuid>. */
export function identityPoolIdFor(t: DeployTarget, logicalId: string): string {
  const hex = seed(t, logicalId).toString('hex');
  const uuid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  return `${t.region}:${uuid}`;
}

/** The name CloudFormation gives an unnamed resource: <stack>-<logical ID>-<suffix>. */
export function generatedName(
  t: DeployTarget,
  logicalId: string,
  options: { max: number; lowercase?: boolean },
): string {
  const suffix = fromAlphabet(seed(t, logicalId), options.lowercase ? LOWER_ALNUM : ALNUM, 12);
  const head = `${t.stackName}-${logicalId}`.slice(0, options.max - suffix.length - 1);
  const name = `${head}-${suffix}`;
  return options.lowercase ? name.toLowerCase().replace(/[^a-z0-9.-]/g, '-') : name;
}
