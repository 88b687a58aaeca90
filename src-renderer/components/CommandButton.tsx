import { Icon, type IconName } from './Icon';

/**
 * The app's usual command: a text button led by an icon. `tone` picks the emphasis; without it
 * the button is the plain secondary kind.
 */
export function CommandButton({
  icon,
  label,
  tone,
  disabled,
  onClick,
}: {
  icon: IconName;
  label: string;
  tone?: 'primary' | 'quiet' | 'danger';
  disabled?: boolean;
  onClick: () => void;
}) {
  return (
    <button
      type="button"
      className={tone ? `button button-${tone}` : 'button'}
      disabled={disabled}
      onClick={onClick}
    >
      <Icon name={icon} />
      {label}
    </button>
  );
}
