import type { MfaMethod, UserState } from './model';

/** Cognito's AttributeType list for a user, sub first. */
export function userAttributes(user: UserState): { Name: string; Value: string }[] {
  const list = [{ Name: 'sub', Value: user.sub }];
  if (user.email) {
    list.push({ Name: 'email', Value: user.email });
    list.push({ Name: 'email_verified', Value: String(user.emailVerified ?? true) });
  }
  if (user.phoneNumber) {
    list.push({ Name: 'phone_number', Value: user.phoneNumber });
    list.push({ Name: 'phone_number_verified', Value: String(user.phoneNumberVerified ?? true) });
  }
  for (const [Name, Value] of Object.entries(user.attributes ?? {})) list.push({ Name, Value });
  // Cognito's identities attribute: the linked provider account, as a JSON string.
  const link = user.federation;
  if (link)
    list.push({
      Name: 'identities',
      Value: JSON.stringify([
        {
          userId: link.userId,
          providerName: link.providerName,
          providerType: link.providerType,
          issuer: link.issuer,
          primary: true,
          dateCreated: link.dateCreated,
        },
      ]),
    });
  return list;
}

/** The MFA methods a user has on: the explicit list, or the preferred method alone. */
export function enabledMfaMethods(user: UserState): MfaMethod[] {
  const methods = user.enabledMfa ?? (user.preferredMfa ? [user.preferredMfa] : []);
  // A method counts only while it can deliver: TOTP needs a secret, SMS a phone number.
  return methods.filter((m) =>
    m === 'SOFTWARE_TOKEN_MFA' ? !!user.totpSecret : !!user.phoneNumber,
  );
}

/** The MFA part of GetUser and AdminGetUser. */
export function mfaView(user: UserState): {
  PreferredMfaSetting?: MfaMethod;
  UserMFASettingList?: MfaMethod[];
} {
  const methods = enabledMfaMethods(user);
  return {
    ...(user.preferredMfa && methods.includes(user.preferredMfa)
      ? { PreferredMfaSetting: user.preferredMfa }
      : {}),
    ...(methods.length ? { UserMFASettingList: methods } : {}),
  };
}

/** Epoch seconds, the JSON 1.1 timestamp encoding. */
export const epochSeconds = (ms: number): number => ms / 1000;

/** Cognito's UserType, as AdminCreateUser returns it. */
export function userType(user: UserState) {
  return {
    Username: user.username,
    Attributes: userAttributes(user),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
  };
}

/** AdminGetUser's response. */
export function adminUserView(user: UserState) {
  return {
    Username: user.username,
    UserAttributes: userAttributes(user),
    UserCreateDate: epochSeconds(user.createdAt),
    UserLastModifiedDate: epochSeconds(user.updatedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
    ...mfaView(user),
  };
}
