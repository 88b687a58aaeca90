import { findErrorRule, type ErrorContext } from '../../cognito-errors/error-table';
import { KNOWN_ERRORS, type Pitfall } from './known-errors';

/** What a pasted error message means and what to do about it. */
export interface ErrorExplanation {
  /** Stable code for translation, e.g. "doctor.explain.accessTokenUsed". */
  code: string;
  /** The pitfall of the reference list, when one applies. */
  pitfall?: Pitfall;
  cause: string;
  fix: string;
}

const UNKNOWN: ErrorExplanation = {
  code: 'doctor.explain.unknown',
  cause: 'Doctor does not recognise this message.',
  fix:
    'Run "hakobu doctor" (signed in, or with --username) to check the whole setup step by step, ' +
    'and send its report with the message to IT.',
};

/** "NotAuthorizedException: Invalid login token…" → code and message, for the one error table. */
function splitAwsError(text: string): { code: string; message: string } | undefined {
  const match = /\b([A-Z][A-Za-z]*(?:Exception|Error))\b[:\s]*(.*)/s.exec(text);
  if (!match?.[1]) return undefined;
  return { code: match[1], message: (match[2] ?? '').trim() };
}

/** Falls back to the table the app itself uses for Cognito errors. */
function fromCognitoTable(text: string): ErrorExplanation | undefined {
  const aws = splitAwsError(text);
  if (!aws) return undefined;
  const services: ErrorContext['service'][] = ['cognito-idp', 'cognito-identity'];
  for (const service of services) {
    const ctx: ErrorContext = { service };
    const rule = findErrorRule({ ...aws, network: false }, ctx);
    if (rule) {
      return {
        code: `doctor.explain.${rule.code}`,
        cause: `${aws.code}: ${aws.message}`,
        fix: rule.text({ ...aws, network: false }, ctx),
      };
    }
  }
  return undefined;
}

/**
 * Maps an error message someone pasted (from Hakobu, the AWS CLI, a browser console, another app)
 * to its cause and fix, naming the pitfall when it is a known one. Exposed by the CLI as
 * `hakobu doctor --explain "<message>"`.
 */
export function explainError(text: string): ErrorExplanation {
  const known = KNOWN_ERRORS.find((entry) => entry.pattern.test(text));
  if (known) {
    return {
      code: known.code,
      ...(known.pitfall ? { pitfall: known.pitfall } : {}),
      cause: known.cause,
      fix: known.fix,
    };
  }
  return fromCognitoTable(text) ?? UNKNOWN;
}
