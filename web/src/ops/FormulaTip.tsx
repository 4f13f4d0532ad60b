/**
 * An indicator's name that shows how the indicator is computed, after the WAI-ARIA tooltip
 * pattern: the name is a button (so the keyboard reaches it), the formula its description
 * (aria-describedby, read by screen readers on focus), shown while the pointer is over the
 * name or the tip and while the name has focus, and hidden with Escape (WCAG 1.4.13). When
 * hidden it is only moved off screen, so a screen reader reading the table still meets it.
 */
import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';

export function FormulaTip({ label, children }: { label: string; children: ReactNode }) {
  const tipId = useId();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const [dismissed, setDismissed] = useState(false);
  const open = (hovered || focused) && !dismissed;

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'Escape' && open) {
      // Escape closes the tip only, not a dialog or a menu around it.
      event.preventDefault();
      event.stopPropagation();
      setDismissed(true);
    }
  };

  return (
    <span
      className="formula-tip"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => {
        setHovered(false);
        if (!focused) setDismissed(false);
      }}
    >
      <button
        type="button"
        className="formula-trigger"
        aria-describedby={tipId}
        onFocus={() => setFocused(true)}
        onBlur={() => {
          setFocused(false);
          setDismissed(false);
        }}
        onKeyDown={onKeyDown}
      >
        {label}
      </button>
      <span
        role="tooltip"
        id={tipId}
        className={open ? 'formula-tooltip formula-tooltip-open' : 'formula-tooltip'}
      >
        {children}
      </span>
    </span>
  );
}
