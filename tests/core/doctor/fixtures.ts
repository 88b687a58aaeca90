import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { configFor } from '../../helpers/config';
import {
  runDoctor,
  type DoctorOptions,
  type DoctorReport,
  type DoctorStep,
} from '../../../src-main/core/doctor';
import { DEMO_PASSWORD, DEMO_USERNAME } from '../../../local-aws/setup/default-setup';
import type { LocalAwsSetup } from '../../../local-aws/setup/schema';
import type { TestLocalAws } from '../../helpers/local-aws';

export { configFor } from '../../helpers/config';

/** Read-only administrator credentials: the stand-in checks that describe calls are signed. */
export const adminCredentials: AwsCredentialIdentityProvider = async () => ({
  accessKeyId: 'AKIAEXAMPLEDOCTOR000',
  secretAccessKey: 'doctor-admin-secret',
});

/** Runs doctor against the stand-in, signing in as the demo user unless told otherwise. */
export function doctorOn(
  la: TestLocalAws,
  options: Partial<DoctorOptions> & { configPatch?: Record<string, unknown> } = {},
): Promise<DoctorReport> {
  const { configPatch, ...rest } = options;
  return runDoctor({
    config: configFor(la, configPatch),
    signIn: { username: DEMO_USERNAME, password: DEMO_PASSWORD },
    ...rest,
  });
}

/** The step with this ID, or a failure naming the steps there are. */
export function stepOf(report: DoctorReport, id: string): DoctorStep {
  const step = report.steps.find((s) => s.id === id);
  if (!step) throw new Error(`no step ${id}; steps: ${report.steps.map((s) => s.id).join(', ')}`);
  return step;
}

/** Each step's status by ID, for asserting a whole report at once. */
export const statuses = (report: DoctorReport) =>
  Object.fromEntries(report.steps.map((s) => [s.id, s.status]));

type Setup = LocalAwsSetup;

/** The default setup with the first identity pool changed. */
export function withIdentityPool(change: Record<string, unknown>) {
  return (base: Setup): Record<string, unknown> => {
    const [pool, ...rest] = base.identityPools;
    if (!pool) throw new Error('the default setup has no identity pool');
    return { ...base, identityPools: [{ ...pool, ...change }, ...rest] };
  };
}

/** The default setup with the first user pool's first app client changed. */
export function withClient(change: Record<string, unknown>) {
  return (base: Setup): Record<string, unknown> => {
    const [pool, ...rest] = base.userPools;
    const [client, ...others] = pool?.clients ?? [];
    if (!pool || !client) throw new Error('the default setup has no app client');
    return {
      ...base,
      userPools: [{ ...pool, clients: [{ ...client, ...change }, ...others] }, ...rest],
    };
  };
}
