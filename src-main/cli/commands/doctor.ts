import { join } from 'node:path';
import { formatConfigProblem, loadConfig, userConfigDir } from '../../core/config';
import {
  explainError,
  runDoctor,
  toDoctorReportView,
  type DoctorSignIn,
  type DoctorStep,
} from '../../core/doctor';
import type { Output } from '../io/output';
import type { CliContext } from '../runtime/context';
import { EXIT, failure, type ExitCode } from '../runtime/exit';
import { flag, stringOption, type Command } from './command';

const MARK: Record<DoctorStep['status'], string> = {
  ok: 'ok  ',
  warn: 'warn',
  fail: 'FAIL',
  skipped: 'skip',
};

function printStep(out: Output, step: DoctorStep): void {
  out.line(`[${MARK[step.status]}] ${step.title}`);
  if (step.status !== 'ok' || step.detail) out.line(`       ${step.detail}`);
  if (step.fix) out.line(`       Fix: ${step.fix}`);
}

function explain(ctx: CliContext, message: string): ExitCode {
  const result = explainError(message);
  ctx.out.line(`Cause: ${result.cause}`);
  ctx.out.line(`Fix:   ${result.fix}`);
  if (result.pitfall) ctx.out.line(`(Known pitfall ${result.pitfall} in Hakobu's reference list.)`);
  ctx.out.document({ ok: result.code !== 'doctor.explain.unknown', ...result });
  return result.code === 'doctor.explain.unknown' ? EXIT.failure : EXIT.ok;
}

/** Who doctor checks as: the logged-in session, or a username whose password is asked now. */
async function doctorSignIn(
  ctx: CliContext,
  username: string | undefined,
): Promise<DoctorSignIn | undefined> {
  if (username) {
    const password = await ctx.prompt.ask(`Password for ${username}: `, { hidden: true });
    return { username, password };
  }
  const { app, view } = await ctx.open();
  return view.status === 'signedIn' ? { session: app.auth() } : undefined;
}

/** `hakobu doctor`: checks the setup step by step, or explains a pasted error message. */
export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'Check the configuration, Cognito and S3 setup step by step',
  help: `Usage: hakobu doctor [--username NAME] [--cors]
       hakobu doctor --explain "<error message>"

Checks the configuration, the user pool and app client, the identity pool and its role, and
each location's bucket and prefix, with the same calls Hakobu makes. Each problem comes with
what to change. Checks that need a user run as the logged-in user, or as --username (the
password is asked, not kept).

Options:
  --username NAME     check as this user instead of the logged-in one
  --password-stdin    read that password from stdin
  --cors              add the note on why bucket CORS rules do not matter to Hakobu
  --explain MESSAGE   explain an error message (from Hakobu, the AWS CLI, a browser console…)
  --json              print the report as JSON
Exit status: 0 when nothing failed (warnings allowed), 1 otherwise.`,
  options: {
    username: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    cors: { type: 'boolean' },
    explain: { type: 'string' },
  },
  maxPositionals: 0,
  async run(ctx, { values }) {
    const message = stringOption(values, 'explain');
    if (message !== undefined) return explain(ctx, message);

    const load = loadConfig({
      userConfigPath: join(userConfigDir(ctx.env), 'config.json'),
      ...(ctx.configPath ? { configPath: ctx.configPath } : {}),
      env: ctx.env,
    });
    if (!load.ok) {
      const text = load.errors.map((problem) => formatConfigProblem(problem)).join('\n');
      throw failure('config.invalid', text || 'Hakobu is not configured yet.');
    }
    const signIn = await doctorSignIn(ctx, stringOption(values, 'username'));
    const report = await runDoctor({
      config: load.config,
      ...(signIn ? { signIn } : {}),
      includeCorsNote: flag(values, 'cors'),
      log: ctx.log,
      onStep: (step) => printStep(ctx.out, step),
    });
    const failed = report.steps.filter((s) => s.status === 'fail').length;
    const warned = report.steps.filter((s) => s.status === 'warn').length;
    ctx.out.line(
      report.ok
        ? `Everything checked is fine${warned ? ` (${warned} warnings)` : ''}.`
        : `${failed} check(s) failed. Send this report to whoever manages your AWS setup.`,
    );
    ctx.out.document(toDoctorReportView(report));
    return report.ok ? EXIT.ok : EXIT.failure;
  },
};
