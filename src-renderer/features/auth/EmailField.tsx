import { useTranslation } from 'react-i18next';
import { Field } from '../../components/Field';

/**
 * The account's email, which signs it in: offered to the password manager as the username, and
 * kept free of auto-capitals and spell-check, which would only corrupt an address.
 */
export function EmailField({
  value,
  onChange,
  autoFocus,
}: {
  value: string;
  onChange: (value: string) => void;
  autoFocus: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Field
      label={t('auth.email')}
      value={value}
      onChange={onChange}
      type="text"
      inputMode="email"
      autoComplete="username"
      autoCapitalize="off"
      spellCheck={false}
      required
      autoFocus={autoFocus}
    />
  );
}
