import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { HakobuStack } from '../../infra/lib/hakobu-stack';
import type { HakobuBackendInput } from '../../infra/lib/props';

/** Synthesizes Hakobu's stack offline, environment-agnostic, as `cdk synth` would. */
export function synthHakobu(hakobu: HakobuBackendInput = {}): Template {
  const app = new App();
  const stack = new HakobuStack(app, 'Hakobu', { hakobu, analyticsReporting: false });
  return Template.fromStack(stack);
}

/** The synthesized template as the JSON CloudFormation (and local-aws) reads. */
export const templateJson = (hakobu: HakobuBackendInput = {}): unknown =>
  synthHakobu(hakobu).toJSON();
