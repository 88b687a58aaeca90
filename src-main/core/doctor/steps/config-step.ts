import { HakobuConfig } from '../../config';
import { problemsFromIssues } from '../../config/issues';
import { resolvePrefix } from '../../library/locations';
import { failed, passed } from '../outcome';
import type { DoctorContext } from '../context';
import type { StepOutcome } from '../types';

/**
 * Step 1: the configuration itself, with the same rules the loader applies (region against both
 * pool IDs, client ID shape, locations and prefixes), so a config that was edited after loading,
 * or built by hand for doctor, is judged exactly as the app would judge it.
 */
export function checkConfig(ctx: DoctorContext): StepOutcome {
  const parsed = HakobuConfig.safeParse(ctx.config);
  if (!parsed.success) {
    const problems = problemsFromIssues(parsed.error.issues, ctx.config, {
      fileFor: () => null,
      missingHint: () => ({ message: '', fix: '' }),
    });
    const [first] = problems;
    return failed(
      first?.code ?? 'CONFIG_INVALID_VALUE',
      problems.map((p) => p.message).join(' '),
      [...new Set(problems.map((p) => p.fix))].join(' '),
      { ...first?.params, problems: problems.length },
    );
  }
  const config = parsed.data;
  const locations = config.locations
    .map((l) => `${l.name} → ${l.bucket}/${resolvePrefix(l.prefix, '<identity ID>')} (${l.access})`)
    .join('; ');
  return passed(
    'doctor.config.ok',
    `Region ${config.region} matches the user pool and identity pool IDs, the app client ID has ` +
      `Cognito's shape, and the sign-in flow is ${config.authFlow}. Locations: ${locations}.`,
    { region: config.region, locations: config.locations.length },
  );
}
