/**
 * Why the server refused an import, which took nothing in: for 422 each refused procedure
 * with its place in the file, its code and its problems; for 400 each malformed spot. The
 * server words the problems in English; they are marked so, for screen readers.
 */
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import { Alert } from '../../shared/ui/Alert';
import { malformedSpots, refusedProcedures } from './import-problems';

export function ImportRefusal({
  error,
  records,
}: {
  error: unknown;
  records: readonly Record<string, unknown>[];
}) {
  const { t, locale } = useI18n();
  const refused = refusedProcedures(error);
  const malformed = malformedSpots(error, records);
  const position = (index: number) => formatNumber(index + 1, locale);

  return (
    <>
      <Alert kind="error" error={error} />
      {refused.length > 0 ? (
        // Focusable, so a keyboard can scroll a wide table on a narrow screen.
        <div
          className="pa-table-wrap"
          role="region"
          aria-labelledby="pa-refused-caption"
          tabIndex={0}
        >
          <table className="data-table">
            <caption id="pa-refused-caption">
              {t('proceduresAdmin.refused.caption', {
                count: formatNumber(refused.length, locale),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('proceduresAdmin.refused.index')}</th>
                <th scope="col">{t('proceduresAdmin.refused.code')}</th>
                <th scope="col">{t('proceduresAdmin.refused.problems')}</th>
              </tr>
            </thead>
            <tbody>
              {refused.map((procedure) => (
                <tr key={procedure.index}>
                  <td>{position(procedure.index)}</td>
                  <th scope="row">{procedure.code}</th>
                  <td>
                    <ul className="pa-problems" lang="en">
                      {procedure.problems.map((problem, index) => (
                        <li key={index}>{problem}</li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {malformed.length > 0 ? (
        <ul className="pa-problems">
          {malformed.map((spot, index) => (
            <li key={index}>
              {spot.index === null
                ? t('proceduresAdmin.malformed.file')
                : t('proceduresAdmin.malformed.record', {
                    position: position(spot.index),
                    code: spot.code ?? '—',
                  })}{' '}
              <code>{spot.path}</code>: <span lang="en">{spot.message}</span>
            </li>
          ))}
        </ul>
      ) : null}
      {refused.length > 0 || malformed.length > 0 ? (
        <p className="note">{t('proceduresAdmin.refused.english')}</p>
      ) : null}
    </>
  );
}
