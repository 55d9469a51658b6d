import { useId } from 'react';

/** A one-time link shown once after it is issued, selectable for copying. */
export function OneTimeLink({ label, link }: { label: string; link: string }) {
  const id = useId();
  return (
    <div className="notice-box" role="status">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className="mono wide"
        readOnly
        value={link}
        data-testid="one-time-link"
        onFocus={(event) => event.target.select()}
      />
    </div>
  );
}
