import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoctorReportView, DoctorStepView } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { useLocale } from '../../app/settings-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { CommandButton } from '../../components/CommandButton';
import { Icon, type IconName } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useAction } from '../../components/use-action';
import { formatList } from '../../i18n/format';
import { doctorStepText, doctorStepTitle } from './doctor-text';
import './settings.css';

const STATUS_ICONS: Record<DoctorStepView['status'], IconName> = {
  ok: 'checkCircle',
  warn: 'warning',
  fail: 'cancel',
  skipped: 'skip',
};

/** Runs the doctor (config, sign-in, identity, bucket access…) and shows each step with its fix. */
export function DiagnosticsScreen({ onBack }: { onBack: () => void }) {
  const { t, i18n } = useTranslation();
  const locale = useLocale();
  const api = useApi();
  const [report, setReport] = useState<DoctorReportView | null>(null);
  const run = useAction(useCallback(async () => setReport(await api.invoke('doctor.run')), [api]));
  const { run: start } = run;
  useEffect(() => {
    void start();
  }, [start]);

  return (
    <div className="settings-page">
      <button type="button" className="link-button back-link" onClick={onBack}>
        <Icon name="chevronLeft" size={14} />
        {t('settings.title')}
      </button>
      <div className="diagnostics-heading">
        <h1>{t('diagnostics.title')}</h1>
        <CommandButton
          icon="retry"
          label={t('diagnostics.runAgain')}
          disabled={run.busy}
          onClick={() => void start()}
        />
      </div>
      <p className="muted">{t('diagnostics.lead')}</p>
      {run.error && <ErrorAlert error={run.error} />}
      {run.busy && (
        <p className="diagnostics-running" role="status">
          <Spinner />
          {t('diagnostics.running')}
        </p>
      )}
      {report && !run.busy && (
        <>
          <p className={`diagnostics-verdict ${report.ok ? 'is-ok' : 'is-bad'}`} role="status">
            <Icon name={report.ok ? 'checkCircle' : 'warning'} />
            {report.ok
              ? t('diagnostics.allGood')
              : t('diagnostics.problemsIn', {
                  steps: formatList(
                    report.steps
                      .filter((step) => step.status === 'fail')
                      .map((step) => doctorStepTitle(i18n, step)),
                    locale,
                  ),
                })}
          </p>
          <ol className="diagnostics-steps">
            {report.steps.map((step) => (
              <li key={step.id} className={`diagnostics-step is-${step.status}`}>
                <Icon name={STATUS_ICONS[step.status]} />
                <div>
                  <div className="diagnostics-step-title">
                    {doctorStepTitle(i18n, step)}
                    <span className="visually-hidden">
                      {' '}
                      ({t(`diagnostics.status.${step.status}`)})
                    </span>
                  </div>
                  {step.detail && (
                    <p className="diagnostics-detail">
                      {doctorStepText(i18n, step, 'detail', report.steps)}
                    </p>
                  )}
                  {step.fix && (
                    <p className="diagnostics-fix">
                      <strong>{t('diagnostics.fix')}</strong>{' '}
                      {doctorStepText(i18n, step, 'fix', report.steps)}
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
    </div>
  );
}
