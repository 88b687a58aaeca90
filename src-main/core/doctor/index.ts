// The doctor module's public surface: run the checks, explain a pasted error, shape the report.
export { runDoctor } from './run-doctor';
export { explainError, type ErrorExplanation } from './explain/explain-error';
export type { Pitfall } from './explain/known-errors';
export { CORS_EXPLANATION } from './steps/cors-note';
export { toDoctorReportView } from './view';
export type {
  DoctorOptions,
  DoctorReport,
  DoctorSession,
  DoctorSignIn,
  DoctorStatus,
  DoctorStep,
} from './types';
