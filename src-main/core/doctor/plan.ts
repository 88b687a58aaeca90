import type { DoctorContext } from './context';
import type { StepOutcome } from './types';

/** One step of the plan: what it checks, which steps must have passed first, and how to run it. */
export interface StepDefinition {
  id: string;
  title: string;
  /** IDs of steps whose failure (or skipping) makes this one pointless. */
  needs: string[];
  run(ctx: DoctorContext): Promise<StepOutcome> | StepOutcome;
}
