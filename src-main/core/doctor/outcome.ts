import type { StepOutcome } from './types';

type Params = Record<string, string | number>;

const withParams = (params: Params | undefined) => (params ? { params } : {});

/** A step that found nothing wrong. */
export function passed(code: string, detail: string, params?: Params): StepOutcome {
  return { status: 'ok', code, detail, ...withParams(params) };
}

/** A step that found something to improve that does not stop Hakobu from working. */
export function warned(code: string, detail: string, fix: string, params?: Params): StepOutcome {
  return { status: 'warn', code, detail, fix, ...withParams(params) };
}

/** A step that found something that stops Hakobu from working. */
export function failed(code: string, detail: string, fix: string, params?: Params): StepOutcome {
  return { status: 'fail', code, detail, fix, ...withParams(params) };
}

/** A step that could not run, with the reason. */
export function skipped(code: string, detail: string, params?: Params): StepOutcome {
  return { status: 'skipped', code, detail, ...withParams(params) };
}
