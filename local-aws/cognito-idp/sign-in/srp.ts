import { CognitoErrors } from '../errors';
import { requireUser } from '../lookup';
import type { AppClientState, UserPoolState, UserState } from '../model';
import type { SessionBook } from '../sessions';
import { isClaimSignatureValid, parseClaimTimestamp } from '../srp/claim';
import { fromHex } from '../srp/group';
import {
  createServerEphemeral,
  deriveSessionKey,
  isValidClientPublic,
  publicFromSecret,
} from '../srp/server';
import type { AuthOutcome, SignIn } from './outcome';

/** USER_SRP_AUTH step one: answers the client's A with the PASSWORD_VERIFIER challenge. */
export function startSrp(signIn: SignIn, srpA: string): AuthOutcome {
  if (!/^[0-9a-fA-F]+$/.test(srpA)) throw CognitoErrors.invalidSrpA();
  const A = fromHex(srpA);
  if (!isValidClientPublic(A)) throw CognitoErrors.invalidSrpA();
  const { user, pool, client } = signIn;
  const ephemeral = createServerEphemeral(user.password.srpVerifier);
  const secretBlock = signIn.sessions.issueSrpBlock(pool, {
    kind: 'srp',
    clientId: client.clientId,
    username: user.username,
    b: ephemeral.b.toString(16),
    A: A.toString(16),
  });
  // USER_ID_FOR_SRP is the username, not what was typed: in a pool that signs in by email it is
  // the UUID, and the client must compute its proof over it and answer with it as USERNAME.
  return {
    ChallengeName: 'PASSWORD_VERIFIER',
    ChallengeParameters: {
      SALT: user.password.srpSalt,
      SRP_B: ephemeral.B.toString(16),
      SECRET_BLOCK: secretBlock,
      USER_ID_FOR_SRP: user.username,
      USERNAME: user.username,
    },
  };
}

/**
 * USER_SRP_AUTH step two: checks PASSWORD_CLAIM_SIGNATURE against the secret block this pool
 * issued. Returns the user whose password the client proved; wrong proof is a wrong password.
 */
export function verifyPasswordClaim(
  sessions: SessionBook,
  pool: UserPoolState,
  client: AppClientState,
  responses: Record<string, string | null | undefined>,
): UserState {
  const required = (name: string): string => {
    const value = responses[name];
    if (!value) throw CognitoErrors.missingParameter(name);
    return value;
  };
  const username = required('USERNAME');
  const secretBlock = required('PASSWORD_CLAIM_SECRET_BLOCK');
  const signature = required('PASSWORD_CLAIM_SIGNATURE');
  const timestamp = required('TIMESTAMP');
  if (!parseClaimTimestamp(timestamp)) throw CognitoErrors.invalidTimestamp();

  const block = sessions.openSrpBlock(pool, client.clientId, secretBlock);
  if (!block) throw CognitoErrors.sessionInvalid();
  sessions.redeem(block);
  // The verifier is over USER_ID_FOR_SRP, so a proof sent under another name (the typed email)
  // cannot hold; Cognito answers that as a wrong password.
  if (block.username !== username) throw CognitoErrors.incorrectPassword();
  const user = requireUser(pool, username);
  const b = fromHex(block.b);
  const verifier = user.password.srpVerifier;
  const key = deriveSessionKey(fromHex(block.A), { b, B: publicFromSecret(verifier, b) }, verifier);
  const valid =
    key !== undefined &&
    isClaimSignatureValid({
      sessionKey: key,
      userPoolId: pool.id,
      userIdForSrp: username,
      secretBlock,
      timestamp,
      signature,
    });
  if (!valid) throw CognitoErrors.incorrectPassword();
  return user;
}
