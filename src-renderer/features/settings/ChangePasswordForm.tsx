import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../src-main/contract/views';
import { useApi } from '../../app/api-context';
import { ErrorAlert, Notice } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/Field';
import { useAction } from '../../components/use-action';

/** Changes the signed-in user's password (current one, then the new one twice). */
export function ChangePasswordForm({ onSession }: { onSession: (session: SessionView) => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [open, setOpen] = useState(false);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const [done, setDone] = useState(false);
  const change = useAction(async () => {
    onSession(
      await api.invoke('session.changePassword', { oldPassword: current, newPassword: next }),
    );
    setOpen(false);
    setDone(true);
    setCurrent('');
    setNext('');
    setRepeat('');
  });

  if (!open) {
    return (
      <>
        {done && <Notice>{t('settings.passwordChanged')}</Notice>}
        <button
          type="button"
          className="button"
          onClick={() => {
            setDone(false);
            setOpen(true);
          }}
        >
          {t('settings.changePassword')}
        </button>
      </>
    );
  }
  return (
    <form
      className="change-password"
      onSubmit={(event) => {
        event.preventDefault();
        setMismatch(next !== repeat);
        if (next === repeat) void change.run();
      }}
    >
      {change.error && <ErrorAlert error={change.error} />}
      {mismatch && <ErrorAlert error={t('auth.passwordMismatch')} />}
      <PasswordField
        label={t('settings.currentPassword')}
        value={current}
        onChange={setCurrent}
        autoComplete="current-password"
        autoFocus
      />
      <PasswordField
        label={t('auth.newPassword')}
        value={next}
        onChange={setNext}
        autoComplete="new-password"
      />
      <PasswordField
        label={t('auth.repeatPassword')}
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
      />
      <div className="form-actions">
        <button type="button" className="button" onClick={() => setOpen(false)}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button-primary" disabled={change.busy}>
          {t('settings.changePassword')}
        </button>
      </div>
    </form>
  );
}
