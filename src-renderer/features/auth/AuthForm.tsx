import type { ReactNode } from 'react';
import type { SessionView, UserError } from '../../../src-main/contract/views';

/** What every challenge step after the password gets from the auth screen. */
export interface ChallengeStepProps {
  /** Why the last answer to this challenge was refused, if it was. */
  error?: UserError;
  onSession: (session: SessionView) => void;
  /** Abandons the challenge and goes back to sign-in. */
  onCancel: () => void;
}

/**
 * The frame every sign-in step shares: a title, the step's own content, one full-width submit
 * button and a link out (back to sign-in, or on to a forgotten password).
 */
export function AuthForm({
  title,
  onSubmit,
  submitLabel,
  submitDisabled,
  link,
  children,
}: {
  title: string;
  /** Runs after the browser's own submission is prevented. */
  onSubmit: () => void | Promise<void>;
  submitLabel: string;
  submitDisabled: boolean;
  link: { label: string; onClick: () => void };
  children: ReactNode;
}) {
  return (
    <form
      className="auth-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      <h1 className="auth-title">{title}</h1>
      {children}
      <button
        type="submit"
        className="button button-primary button-block"
        disabled={submitDisabled}
      >
        {submitLabel}
      </button>
      <div className="auth-links">
        <button type="button" className="link-button" onClick={link.onClick}>
          {link.label}
        </button>
      </div>
    </form>
  );
}
