import { silentLogger } from '../log/logger';
import type { DoctorContext } from './context';
import { failed, skipped } from './outcome';
import type { StepDefinition } from './plan';
import { doctorPlan } from './plan-steps';
import { DoctorClients } from './probes/services';
import type { DoctorOptions, DoctorReport, DoctorStep, StepOutcome } from './types';

const DEFAULT_TIMEOUT_MS = 15_000;

function blockedBy(step: DoctorStep): StepOutcome {
  const what = step.status === 'fail' ? 'failed' : 'was skipped';
  return skipped('doctor.skipped.dependency', `Skipped: “${step.title}” ${what}.`, {
    dependsOn: step.id,
  });
}

async function runOne(def: StepDefinition, ctx: DoctorContext): Promise<StepOutcome> {
  try {
    return await def.run(ctx);
  } catch (error) {
    // A bug in a check must not hide the checks after it.
    ctx.log.error(`step ${def.id} threw`, error);
    return failed(
      'doctor.internal',
      `Doctor could not finish this check: ${error instanceof Error ? error.message : String(error)}`,
      'Run doctor again; if it persists, send the log to Hakobu’s developers.',
    );
  }
}

/**
 * Checks a Hakobu configuration against the live services, step by step, with only the public
 * APIs the app itself uses (plus optional read-only administrator calls). Never throws: every
 * problem is a step of the report.
 */
export async function runDoctor(options: DoctorOptions): Promise<DoctorReport> {
  const { config } = options;
  const log = (options.log ?? silentLogger).child('doctor');
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const clients = new DoctorClients(config, options.adminCredentials);
  const cleanups: (() => void)[] = [];
  const ctx: DoctorContext = {
    config,
    clients,
    facts: {},
    signIn: options.signIn,
    log,
    now: options.now ?? Date.now,
    signal: () => AbortSignal.timeout(timeoutMs),
    onFinish: (cleanup) => cleanups.push(cleanup),
  };
  const steps: DoctorStep[] = [];
  const done = new Map<string, DoctorStep>();
  try {
    for (const def of doctorPlan(config, options.includeCorsNote === true)) {
      const blocker = def.needs
        .map((id) => done.get(id))
        .find((step) => step?.status === 'fail' || step?.status === 'skipped');
      const outcome = blocker ? blockedBy(blocker) : await runOne(def, ctx);
      const step: DoctorStep = { id: def.id, title: def.title, ...outcome };
      steps.push(step);
      done.set(def.id, step);
      log.info(`${step.id}: ${step.status} (${step.code})`);
      options.onStep?.(step);
    }
  } finally {
    for (const cleanup of cleanups) cleanup();
    clients.destroy();
  }
  return { ok: !steps.some((step) => step.status === 'fail'), steps };
}
