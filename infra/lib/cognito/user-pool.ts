import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type { UserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { AccountRecovery, CfnUserPoolGroup, Mfa, UserPool } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { HakobuBackendProps } from '../props';

const MFA: Record<HakobuBackendProps['mfa'], Mfa> = {
  off: Mfa.OFF,
  optional: Mfa.OPTIONAL,
  required: Mfa.REQUIRED,
};

/**
 * The user pool people sign in to by email, and the desktop app's public client: SRP and refresh
 * only, no secret (a desktop app cannot keep one), revocable refresh tokens.
 */
export class HakobuUserPool extends Construct {
  readonly pool: UserPool;
  readonly desktopClient: UserPoolClient;
  readonly groups = new Map<string, CfnUserPoolGroup>();

  constructor(scope: Construct, id: string, props: HakobuBackendProps) {
    super(scope, id);
    this.pool = new UserPool(this, 'Pool', {
      signInAliases: { email: true },
      autoVerify: { email: true },
      standardAttributes: { email: { required: true, mutable: true } },
      // IT creates the accounts; nobody signs themselves up to a company's storage.
      selfSignUpEnabled: false,
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      mfa: MFA[props.mfa],
      // TOTP only: SMS needs an SNS role and a spending limit, and is the weaker factor.
      ...(props.mfa === 'off' ? {} : { mfaSecondFactor: { otp: true, sms: false } }),
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(7),
      },
      // The accounts outlive a stack update gone wrong.
      removalPolicy: RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    this.desktopClient = this.pool.addClient('DesktopClient', {
      userPoolClientName: 'hakobu-desktop',
      generateSecret: false,
      authFlows: { userSrp: true },
      disableOAuth: true,
      idTokenValidity: Duration.minutes(props.idTokenMinutes),
      accessTokenValidity: Duration.minutes(props.accessTokenMinutes),
      refreshTokenValidity: Duration.days(props.refreshTokenDays),
      enableTokenRevocation: true,
      preventUserExistenceErrors: true,
    });
    for (const group of props.groups) {
      this.groups.set(
        group.name,
        new CfnUserPoolGroup(this, `Group${this.groups.size}`, {
          userPoolId: this.pool.userPoolId,
          groupName: group.name,
          ...(group.description ? { description: group.description } : {}),
          ...(group.precedence === undefined ? {} : { precedence: group.precedence }),
        }),
      );
    }
  }
}
