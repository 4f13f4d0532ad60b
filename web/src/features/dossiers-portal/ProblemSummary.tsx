/**
 * The list of what to fix at the top of a wizard step, after a check or the server's
 * refusal: it takes the focus, so a screen reader hears how many problems there are; each
 * line links to its control and puts the focus in it (the form step has the form renderer's
 * own summary).
 */
import { useEffect, useRef } from 'react';
import { useI18n } from '../../shared/i18n/i18n';

export interface ProblemLine {
  /** The id of the control to focus, or null for a problem about no one control. */
  target: string | null;
  label: string;
  message: string;
}

export function ProblemSummary({ id, lines }: { id: string; lines: readonly ProblemLine[] }) {
  const { t } = useI18n();
  const box = useRef<HTMLDivElement>(null);
  // A new set of problems: start the reader here.
  const signature = lines.map((line) => `${line.target ?? ''}:${line.message}`).join('|');
  useEffect(() => {
    if (signature) box.current?.focus();
  }, [signature]);
  if (lines.length === 0) return null;
  return (
    <div className="error-summary" ref={box} tabIndex={-1} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('dossiersPortal.problems.title', { count: lines.length })}</h2>
      <ul>
        {lines.map((line, index) => (
          <li key={`${line.target ?? line.label}-${index}`}>
            {line.target ? (
              <a
                href={`#${line.target}`}
                onClick={(event) => {
                  const control = document.getElementById(line.target!);
                  if (!control) return;
                  event.preventDefault();
                  control.focus();
                  control.scrollIntoView({ block: 'center' });
                }}
              >
                {line.label}: {line.message}
              </a>
            ) : (
              <span>
                {line.label}: {line.message}
              </span>
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
