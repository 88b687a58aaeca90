import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Translation } from 'react-i18next';
import { Icon } from './Icon';

interface State {
  failed: boolean;
}

/**
 * Catches a rendering bug so the window shows a way out (reload) instead of going blank.
 * A class, because React offers error boundaries only as class components.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Renderer crashed', error, info.componentStack);
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div className="splash" role="alert">
            <Icon name="warning" size={40} />
            <p>{t('shell.crashed')}</p>
            <button type="button" className="button" onClick={() => window.location.reload()}>
              {t('shell.reload')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
