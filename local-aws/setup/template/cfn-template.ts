import { z } from 'zod';

/** One resource of a CloudFormation template, properties still holding intrinsic functions. */
export const CfnResource = z.object({
  Type: z.string().min(1),
  Properties: z.record(z.string(), z.unknown()).default({}),
});
export type CfnResource = z.infer<typeof CfnResource>;

/** The parts of a CloudFormation template local-aws reads. */
export const CfnTemplate = z.object({
  Parameters: z
    .record(z.string(), z.object({ Default: z.unknown().optional() }).passthrough())
    .default({}),
  Resources: z.record(z.string(), CfnResource),
  Outputs: z.record(z.string(), z.object({ Value: z.unknown() }).passthrough()).default({}),
});
export type CfnTemplate = z.infer<typeof CfnTemplate>;

/** The logical IDs and resources of one type, in template order. */
export function resourcesOfType(template: CfnTemplate, type: string): [string, CfnResource][] {
  return Object.entries(template.Resources).filter(([, resource]) => resource.Type === type);
}
