import { wholePercent } from '../i18n/format';
import './progress.css';

interface ProgressBarProps {
  value: number;
  max: number;
  /** What is progressing, for screen readers (e.g. the file name). */
  label: string;
  /** The value in words (e.g. "42% — 12 MB of 30 MB"). */
  valueText?: string;
  tone?: 'active' | 'paused' | 'failed' | 'done';
  size?: 'small' | 'large';
}

/**
 * A determinate progress bar exposed to assistive technology as role="progressbar". Its ARIA value
 * is the whole percentage shown beside it (floored, so 100 means finished), not a byte count.
 */
export function ProgressBar({
  value,
  max,
  label,
  valueText,
  tone = 'active',
  size = 'small',
}: ProgressBarProps) {
  const safeMax = Math.max(0, max);
  const fraction = safeMax > 0 ? Math.min(Math.max(0, value), safeMax) / safeMax : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={wholePercent(value, safeMax)}
      aria-valuetext={valueText}
      className={`progress progress-${size} progress-${tone}`}
    >
      <div className="progress-fill" style={{ transform: `scaleX(${fraction})` }} />
    </div>
  );
}
