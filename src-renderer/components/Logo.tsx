/** Hakobu's mark: a box carried upward (運ぶ, "to carry"). Decorative: the name is next to it. */
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="28" height="28" rx="8" fill="var(--accent)" />
      <path
        d="M9 14l7-4 7 4v8l-7 4-7-4z M9 14l7 4 7-4 M16 18v8"
        fill="none"
        stroke="var(--on-accent)"
        strokeWidth="1.8"
        strokeLinejoin="round"
      />
      <path
        d="M16 5v4M13.5 7.2L16 5l2.5 2.2"
        fill="none"
        stroke="var(--on-accent)"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
