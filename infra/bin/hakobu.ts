import { App } from 'aws-cdk-lib';
import { HakobuStack } from '../lib/hakobu-stack';
import { parseBackendProps } from '../lib/props';

/**
 * The CDK app: one environment-agnostic stack (the account and region come from the deploying
 * credentials), configured by the "hakobu" context value from cdk.json or `-c hakobu='{…}'`.
 */
function contextSettings(app: App): unknown {
  const raw: unknown = app.node.tryGetContext('hakobu');
  if (typeof raw !== 'string') return raw ?? {};
  try {
    return JSON.parse(raw);
  } catch (error) {
    throw new Error(`context "hakobu" is not JSON: ${(error as Error).message}`, { cause: error });
  }
}

const app = new App({ outdir: process.env.CDK_OUTDIR ?? 'cdk.out' });
const stackName: unknown = app.node.tryGetContext('stackName');
new HakobuStack(app, typeof stackName === 'string' ? stackName : 'Hakobu', {
  hakobu: parseBackendProps(contextSettings(app)),
  description: 'Hakobu: Cognito user and identity pools and the upload bucket',
  analyticsReporting: false,
});
app.synth();
