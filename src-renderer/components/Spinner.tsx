/** A small busy indicator; the label is read out, the animation is decoration. */
export function Spinner({ label }: { label?: string }) {
  return (
    <span className="spinner" role={label ? 'status' : undefined} aria-label={label}>
      <span aria-hidden="true" className="spinner-ring" />
    </span>
  );
}
