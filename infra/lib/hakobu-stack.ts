import { Aws, CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { HakobuIdentityPool } from './cognito/identity-pool';
import { HakobuManagedLogin } from './cognito/managed-login';
import { HakobuUserPool } from './cognito/user-pool';
import { parseBackendProps, type HakobuBackendInput, type HakobuBackendProps } from './props';
import { HakobuBucket } from './storage/bucket';

/** The Hakobu config key every own-folder location uses: Hakobu fills in the identity ID. */
const OWN_FOLDER_PREFIX = '${identityId}/';

/** Stack props: CDK's own plus Hakobu's backend settings. */
export interface HakobuStackProps extends StackProps {
  hakobu?: HakobuBackendInput;
}

/**
 * Hakobu's whole backend: the user pool, the identity pool and its role, the bucket, and an
 * output holding the Hakobu config IT deploys to every machine.
 */
export class HakobuStack extends Stack {
  readonly users: HakobuUserPool;
  readonly identities: HakobuIdentityPool;
  readonly storage: HakobuBucket;
  readonly managedLogin?: HakobuManagedLogin;

  constructor(scope: Construct, id: string, props: HakobuStackProps = {}) {
    super(scope, id, props);
    const settings = parseBackendProps(props.hakobu);
    this.storage = new HakobuBucket(this, 'Storage', settings);
    this.users = new HakobuUserPool(this, 'Users', settings);
    if (settings.managedLogin) {
      this.managedLogin = new HakobuManagedLogin(
        this,
        'ManagedLogin',
        this.users.pool,
        settings.managedLogin,
        settings,
      );
    }
    this.identities = new HakobuIdentityPool(
      this,
      'Identities',
      this.users,
      [this.users.desktopClient, ...(this.managedLogin ? [this.managedLogin.client] : [])],
      this.storage.bucket.bucketArn,
      settings,
    );
    this.addOutputs(settings);
  }

  private addOutputs(settings: HakobuBackendProps): void {
    const bucket = this.storage.bucket.bucketName;
    const config = {
      region: Aws.REGION,
      userPoolId: this.users.pool.userPoolId,
      clientId: this.users.desktopClient.userPoolClientId,
      identityPoolId: this.identities.identityPool.ref,
      authFlow: 'USER_SRP_AUTH',
      locations: [
        { name: settings.locationName, bucket, prefix: OWN_FOLDER_PREFIX, access: 'readwrite' },
        ...settings.sharedReadOnly.map((s) => ({
          name: s.name,
          bucket,
          prefix: s.prefix,
          access: 'read',
        })),
      ],
    };
    new CfnOutput(this, 'HakobuConfig', {
      description: "Hakobu's config: deploy it as the managed config.json (docs/it-admin.md)",
      value: this.toJsonString(config),
    });
    new CfnOutput(this, 'BucketName', { value: bucket });
    new CfnOutput(this, 'AuthenticatedRoleArn', {
      value: this.identities.authenticatedRole.roleArn,
    });
    if (this.managedLogin) {
      new CfnOutput(this, 'ManagedLoginUrl', { value: this.managedLogin.baseUrl });
      new CfnOutput(this, 'ManagedLoginClientId', {
        value: this.managedLogin.client.userPoolClientId,
      });
    }
  }
}
