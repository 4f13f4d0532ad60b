/**
 * The list of what to fix, at the top of a form after a check: it takes the focus, so a
 * screen reader reads how many problems there are and a keyboard user starts from here; each
 * line links to its field and puts the focus in it.
 */
import { forwardRef } from 'react';
import { useI18n } from '../../../shared/i18n/i18n';

export interface SummaryLine {
  /** The id of the control to focus, or null for an error no field of the form shows. */
  target: string | null;
  label: string;
  message: string;
}

export const ErrorSummary = forwardRef<
  HTMLDivElement,
  { id: string; lines: readonly SummaryLine[]; headingLevel: 2 | 3 }
>(function ErrorSummary({ id, lines, headingLevel }, ref) {
  const { t } = useI18n();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="error-summary" ref={ref} tabIndex={-1} aria-labelledby={`${id}-title`}>
      <Heading id={`${id}-title`}>
        {t('procedures.form.summaryTitle', { count: lines.length })}
      </Heading>
      <ul>
        {lines.map((line, index) => (
          <li key={`${line.target ?? line.label}-${index}`}>
            {line.target ? (
              <a
                href={`#${line.target}`}
                onClick={(event) => {
                  // Focus the field itself; following the fragment would only scroll to it.
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
});
