import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';
import { digitsOnly } from './otpauth';

/** The one-time code input: digits only, tuned for autofill from SMS and authenticator apps. */
export function CodeField({
  value,
  onChange,
  hint,
}: {
  value: string;
  onChange: (value: string) => void;
  hint?: string;
}) {
  const { t } = useTranslation();
  return (
    <Field
      label={t('auth.code')}
      hint={hint}
      value={value}
      onChange={(typed) => onChange(digitsOnly(typed).slice(0, 8))}
      className="input-code"
      inputMode="numeric"
      autoComplete="one-time-code"
      required
      autoFocus
    />
  );
}
