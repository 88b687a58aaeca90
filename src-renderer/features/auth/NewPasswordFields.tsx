import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PasswordField } from '../../components/Field';
import type { NewPassword } from './use-new-password';

/** The alert shown when the new password and its repeat differ. */
export function PasswordMismatchAlert({ state }: { state: NewPassword }) {
  const { t } = useTranslation();
  return state.mismatch ? <ErrorAlert error={t('auth.passwordMismatch')} /> : null;
}

/** The new password and its repeat, both offered to the password manager as new. */
export function NewPasswordFields({
  state,
  autoFocus,
}: {
  state: NewPassword;
  autoFocus?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <PasswordField
        label={t('auth.newPassword')}
        value={state.password}
        onChange={state.setPassword}
        autoComplete="new-password"
        autoFocus={autoFocus}
      />
      <PasswordField
        label={t('auth.repeatPassword')}
        value={state.repeat}
        onChange={state.setRepeat}
        autoComplete="new-password"
      />
    </>
  );
}
