import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './Icon';
import './toasts.css';

interface Toast {
  id: number;
  tone: 'info' | 'error';
  text: string;
}

type Notify = (tone: Toast['tone'], text: string) => void;

const ToastContext = createContext<Notify>(() => {});

const LIFETIME_MS = { info: 5_000, error: 12_000 };

/** Hosts short messages ("Saved to …", "Couldn't delete …") in a live region at the window's edge. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const nextId = useRef(1);
  const dismiss = useCallback((id: number) => {
    setToasts((current) => current.filter((toast) => toast.id !== id));
  }, []);
  const notify = useCallback<Notify>(
    (tone, text) => {
      const id = nextId.current++;
      setToasts((current) => [...current.slice(-3), { id, tone, text }]);
      setTimeout(() => dismiss(id), LIFETIME_MS[tone]);
    },
    [dismiss],
  );
  return (
    <ToastContext value={notify}>
      {children}
      <div className="toasts" role="status" aria-live="polite">
        {toasts.map((toast) => (
          <div key={toast.id} className={`toast toast-${toast.tone}`}>
            <Icon name={toast.tone === 'error' ? 'warning' : 'checkCircle'} />
            <span className="toast-text">{toast.text}</span>
            <button
              type="button"
              className="icon-button"
              aria-label={t('common.dismiss')}
              onClick={() => dismiss(toast.id)}
            >
              <Icon name="close" size={16} />
            </button>
          </div>
        ))}
      </div>
    </ToastContext>
  );
}

/** Shows a short message to the user: notify('info' | 'error', text). */
export function useToast(): Notify {
  return useContext(ToastContext);
}
