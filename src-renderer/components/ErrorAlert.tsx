import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserError } from '../../src-main/contract/views';
import { errorText } from '../i18n/errors';
import { Icon } from './Icon';

/**
 * An error in plain words, announced by screen readers as soon as it appears. Takes a UserError
 * from main, or text the renderer already translated (e.g. "the passwords don't match").
 */
export function ErrorAlert({
  error,
  className = '',
  quiet = false,
}: {
  error: UserError | string;
  className?: string;
  /** Not announced on appearance (for lists, where rows mount while scrolling). */
  quiet?: boolean;
}) {
  const { i18n } = useTranslation();
  return (
    <div role={quiet ? undefined : 'alert'} className={`alert alert-error ${className}`}>
      <Icon name="warning" />
      <span>{typeof error === 'string' ? error : errorText(i18n, error)}</span>
    </div>
  );
}

/** A calm notice (not an error), e.g. that sign-in won't be remembered. */
export function Notice({
  children,
  icon = 'info',
}: {
  children: ReactNode;
  icon?: 'info' | 'lock';
}) {
  return (
    <div role="status" className="alert alert-info">
      <Icon name={icon} />
      <span>{children}</span>
    </div>
  );
}
