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

/** A determinate progress bar exposed to assistive technology as role="progressbar". */
export function ProgressBar({
  value,
  max,
  label,
  valueText,
  tone = 'active',
  size = 'small',
}: ProgressBarProps) {
  const safeMax = Math.max(0, max);
  const now = Math.min(Math.max(0, value), safeMax);
  const fraction = safeMax > 0 ? now / safeMax : 0;
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={safeMax}
      aria-valuenow={now}
      aria-valuetext={valueText}
      className={`progress progress-${size} progress-${tone}`}
    >
      <div className="progress-fill" style={{ transform: `scaleX(${fraction})` }} />
    </div>
  );
}
