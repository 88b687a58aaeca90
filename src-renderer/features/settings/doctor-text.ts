import type { i18n } from 'i18next';
import type { DoctorStepView } from '../../../src-main/contract/views';
import { translatedOr } from '../../i18n/errors';

type Params = Record<string, string | number>;

/** A step ID's kind names its title: "bucket:Photos" → "bucket", "clock" → "clock". */
function stepKind(id: string): string {
  const colon = id.indexOf(':');
  return colon < 0 ? id : id.slice(0, colon);
}

/** The location a per-location step checks ("bucket:Photos" → "Photos"). */
function stepLocation(id: string): string | undefined {
  const colon = id.indexOf(':');
  return colon < 0 ? undefined : id.slice(colon + 1);
}

/** A doctor step's title in the UI language (per-location steps name their location), else main's. */
export function doctorStepTitle(i18n: i18n, step: Pick<DoctorStepView, 'id' | 'title'>): string {
  const location = stepLocation(step.id);
  return translatedOr(
    i18n,
    `diagnostics.steps.${stepKind(step.id)}`,
    step.title,
    location === undefined ? undefined : { location },
  );
}

/**
 * A step's detail or fix in the UI language when its outcome code is translated, else main's
 * English words. A step skipped because of another names that step by its translated title.
 */
export function doctorStepText(
  i18n: i18n,
  step: DoctorStepView,
  part: 'detail' | 'fix',
  steps: readonly DoctorStepView[],
): string | undefined {
  const english = step[part];
  if (!english || !step.code) return english;
  return translatedOr(i18n, `${step.code}.${part}`, english, paramsOf(i18n, step, steps));
}

/**
 * The values a translation may use. Empty ones are left out, so a sentence that needs one (say,
 * the role in use when doctor could not tell it) falls back to main's words instead of a gap.
 */
function paramsOf(i18n: i18n, step: DoctorStepView, steps: readonly DoctorStepView[]): Params {
  const params = Object.fromEntries(
    Object.entries(step.params ?? {}).filter(([, value]) => value !== ''),
  );
  const dependsOn = params.dependsOn;
  if (typeof dependsOn !== 'string') return params;
  const blocker = steps.find((other) => other.id === dependsOn);
  return { ...params, dependsOn: blocker ? doctorStepTitle(i18n, blocker) : dependsOn };
}
