import type { IdentityCredentials } from './identity';

/**
 * The AWS_* variables the real AWS CLI runs with against local-aws: the caller's temporary keys and
 * nothing of this machine's own AWS setup (profiles, credentials file, instance metadata, pager).
 */
export function awsCliVariables(
  who: IdentityCredentials,
  region: string,
  configFile: string,
): NodeJS.ProcessEnv {
  return {
    AWS_ACCESS_KEY_ID: who.credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: who.credentials.secretAccessKey,
    AWS_SESSION_TOKEN: who.credentials.sessionToken,
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: configFile,
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_PAGER: '',
  };
}
