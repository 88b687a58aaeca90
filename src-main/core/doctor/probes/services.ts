import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity';
import { CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { S3Client } from '@aws-sdk/client-s3';
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '@smithy/types';
import type { HakobuConfig } from '../../config';
import { localhostLookup, s3ClientAddressing, s3TargetOf } from '../../s3-addressing';

export type ServiceName = 'cognitoIdp' | 'cognitoIdentity' | 's3';

const HOST_PREFIX: Record<ServiceName, string> = {
  cognitoIdp: 'cognito-idp',
  cognitoIdentity: 'cognito-identity',
  s3: 's3',
};

/** What the report calls each service. */
export const SERVICE_LABEL: Record<ServiceName, string> = {
  cognitoIdp: 'Cognito user pools (cognito-idp)',
  cognitoIdentity: 'Cognito identity pools (cognito-identity)',
  s3: 'Amazon S3',
};

/** The base URL Hakobu talks to for a service: the configured override, or AWS's regional endpoint. */
export function serviceEndpoint(config: HakobuConfig, service: ServiceName): string {
  const override = config.endpoints?.[service];
  return override ?? `https://${HOST_PREFIX[service]}.${config.region}.amazonaws.com`;
}

/** The Logins key of the user pool, as the Identity Pool knows it (whatever endpoint serves it). */
export function loginProviderName(config: HakobuConfig): string {
  const poolRegion = config.userPoolId.split('_')[0] ?? config.region;
  return `cognito-idp.${poolRegion}.amazonaws.com/${config.userPoolId}`;
}

// Doctor reports what the service says at once: one retry for a transient failure, no more.
const MAX_ATTEMPTS = 2;

/** The SDK clients doctor probes with, built the way the app builds its own. */
export class DoctorClients {
  readonly idp: CognitoIdentityProviderClient;
  readonly identity: CognitoIdentityClient;
  /** Signed with the optional administrator credentials, for the read-only describe calls. */
  readonly adminIdentity: CognitoIdentityClient | undefined;
  private readonly s3Clients: S3Client[] = [];

  constructor(
    private readonly config: HakobuConfig,
    adminCredentials: AwsCredentialIdentityProvider | undefined,
  ) {
    const { region, endpoints } = config;
    this.idp = new CognitoIdentityProviderClient({
      region,
      maxAttempts: MAX_ATTEMPTS,
      ...(endpoints?.cognitoIdp ? { endpoint: endpoints.cognitoIdp } : {}),
    });
    const identityEndpoint = endpoints?.cognitoIdentity
      ? { endpoint: endpoints.cognitoIdentity }
      : {};
    this.identity = new CognitoIdentityClient({
      region,
      maxAttempts: MAX_ATTEMPTS,
      ...identityEndpoint,
    });
    this.adminIdentity = adminCredentials
      ? new CognitoIdentityClient({
          region,
          maxAttempts: MAX_ATTEMPTS,
          credentials: adminCredentials,
          ...identityEndpoint,
        })
      : undefined;
  }

  /**
   * An S3 client on the user's Identity Pool credentials for one bucket or access point ARN,
   * addressed as transfers/ and library/ do.
   */
  s3(credentials: AwsCredentialIdentity, bucket: string): S3Client {
    const endpoint = this.config.endpoints?.s3;
    const client = new S3Client({
      region: this.config.region,
      ...s3ClientAddressing(endpoint, s3TargetOf(bucket)),
      requestHandler: {
        httpAgent: { lookup: localhostLookup(endpoint) },
        httpsAgent: { lookup: localhostLookup(endpoint) },
      },
      useArnRegion: true,
      maxAttempts: MAX_ATTEMPTS,
      credentials,
    });
    this.s3Clients.push(client);
    return client;
  }

  /** Releases every client's sockets. */
  destroy(): void {
    this.idp.destroy();
    this.identity.destroy();
    this.adminIdentity?.destroy();
    for (const client of this.s3Clients.splice(0)) client.destroy();
  }
}
