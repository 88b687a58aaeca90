import { useCallback, useEffect, useState } from 'react';
import type { i18n } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { DoctorReportView, DoctorStepView } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Icon, type IconName } from '../../components/Icon';
import { Spinner } from '../../components/Spinner';
import { useAction } from '../../components/use-action';
import { translatedOr } from '../../i18n/errors';
import './settings.css';

const STATUS_ICONS: Record<DoctorStepView['status'], IconName> = {
  ok: 'checkCircle',
  warn: 'warning',
  fail: 'cancel',
  skipped: 'skip',
};

/** A step's detail or fix in the user's language when its outcome code is translated, else main's words. */
function stepText(i18n: i18n, step: DoctorStepView, part: 'detail' | 'fix', english: string) {
  return step.code ? translatedOr(i18n, `${step.code}.${part}`, english, step.params) : english;
}

/** Runs the doctor (config, sign-in, identity, bucket access…) and shows each step with its fix. */
export function DiagnosticsScreen({ onBack }: { onBack: () => void }) {
  const { t, i18n } = useTranslation();
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
        <button type="button" className="button" disabled={run.busy} onClick={() => void start()}>
          <Icon name="retry" />
          {t('diagnostics.runAgain')}
        </button>
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
            {report.ok ? t('diagnostics.allGood') : t('diagnostics.problems')}
          </p>
          <ol className="diagnostics-steps">
            {report.steps.map((step) => (
              <li key={step.id} className={`diagnostics-step is-${step.status}`}>
                <Icon name={STATUS_ICONS[step.status]} />
                <div>
                  <div className="diagnostics-step-title">
                    {translatedOr(i18n, `diagnostics.steps.${step.id}`, step.title)}
                    <span className="visually-hidden">
                      {' '}
                      ({t(`diagnostics.status.${step.status}`)})
                    </span>
                  </div>
                  {step.detail && (
                    <p className="diagnostics-detail">
                      {stepText(i18n, step, 'detail', step.detail)}
                    </p>
                  )}
                  {step.fix && (
                    <p className="diagnostics-fix">
                      <strong>{t('diagnostics.fix')}</strong>{' '}
                      {stepText(i18n, step, 'fix', step.fix)}
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
