import type { DoctorReportView } from '../../contract/views';
import type { DoctorReport } from './types';

/** The report as the renderer receives it (already plain data: nothing secret in any step). */
export function toDoctorReportView(report: DoctorReport): DoctorReportView {
  return {
    ok: report.ok,
    steps: report.steps.map((step) => ({
      id: step.id,
      title: step.title,
      status: step.status,
      code: step.code,
      detail: step.detail,
      ...(step.fix ? { fix: step.fix } : {}),
      ...(step.params ? { params: step.params } : {}),
    })),
  };
}
