/**
 * Downloads the catalog as JSON (GET /api/procedures/export): everything, or the procedures
 * whose codes are typed. The file is the import's own format, so exporting, editing and
 * importing again is how a procedure is changed.
 */
import { useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import { exportChoice, exportHref } from './export-codes';

export function ExportPanel() {
  const { t, locale } = useI18n();
  const [typed, setTyped] = useState('');
  const choice = exportChoice(typed);
  const invalid = choice.invalid.length > 0;

  return (
    <section className="panel" aria-labelledby="pa-export-title">
      <h2 id="pa-export-title">{t('proceduresAdmin.export.title')}</h2>
      <div className={`field${invalid ? ' field-invalid' : ''}`}>
        <label htmlFor="pa-codes">{t('proceduresAdmin.export.codes')}</label>
        <p id="pa-codes-hint" className="field-hint">
          {t('proceduresAdmin.export.codesHint')}
        </p>
        <input
          id="pa-codes"
          type="text"
          autoComplete="off"
          spellCheck={false}
          value={typed}
          aria-describedby={`pa-codes-hint${invalid ? ' pa-codes-error' : ''}`}
          aria-invalid={invalid || undefined}
          onChange={(event) => setTyped(event.target.value)}
        />
        {invalid ? (
          <p id="pa-codes-error" className="field-error">
            {t('proceduresAdmin.export.invalid', { codes: choice.invalid.join(', ') })}
          </p>
        ) : null}
      </div>
      <p>
        <a className="button" href={exportHref(choice.codes)} download>
          {choice.codes.length === 0
            ? t('proceduresAdmin.export.all')
            : t('proceduresAdmin.export.some', {
                count: formatNumber(choice.codes.length, locale),
              })}
        </a>
      </p>
    </section>
  );
}
