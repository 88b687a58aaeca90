import { passed } from '../outcome';
import type { StepOutcome } from '../types';

/** Why bucket CORS rules do not matter to Hakobu (pitfall S4), in words for IT. */
export const CORS_EXPLANATION =
  'CORS is a browser rule: it applies when a web page on one origin calls S3 on another, and S3 ' +
  "answers the browser's preflight request. Hakobu uploads and downloads from its main process " +
  '(Node.js), not from a web page, so bucket CORS rules neither help nor block it and do not ' +
  'need to be set for Hakobu.';

/** Step 12: the CORS note, added to the report when asked for. */
export function corsNote(): StepOutcome {
  return passed('doctor.cors.notNeeded', CORS_EXPLANATION);
}
