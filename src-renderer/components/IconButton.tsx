import { Icon, type IconName } from './Icon';

/**
 * A button that shows only an icon. Its label is both its accessible name and its tooltip, so a
 * screen reader and a mouse user learn the same thing.
 */
export function IconButton({
  icon,
  label,
  size,
  pressed,
  onClick,
}: {
  icon: IconName;
  label: string;
  size?: number;
  /** Set for a toggle, so its state is announced. */
  pressed?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className="icon-button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      onClick={onClick}
    >
      <Icon name={icon} size={size} />
    </button>
  );
}
