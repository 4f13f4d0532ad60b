/** What an import did: the procedures created, updated and left unchanged, by code. */
import { Link } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import type { MessageKey } from '../../shared/i18n/translate';

export interface ImportResult {
  created: string[];
  updated: string[];
  unchanged: string[];
}

const GROUPS: ReadonlyArray<readonly [keyof ImportResult, MessageKey]> = [
  ['created', 'proceduresAdmin.result.created'],
  ['updated', 'proceduresAdmin.result.updated'],
  ['unchanged', 'proceduresAdmin.result.unchanged'],
];

export function ImportOutcome({ fileName, result }: { fileName: string; result: ImportResult }) {
  const { t, locale } = useI18n();
  const count = (group: keyof ImportResult) => formatNumber(result[group].length, locale);
  return (
    <section className="panel" aria-labelledby="pa-result-title">
      <h2 id="pa-result-title">{t('proceduresAdmin.result.title')}</h2>
      <p role="status" className="alert alert-success">
        {t('proceduresAdmin.result.summary', {
          file: fileName,
          created: count('created'),
          updated: count('updated'),
          unchanged: count('unchanged'),
        })}
      </p>
      {GROUPS.filter(([group]) => result[group].length > 0).map(([group, key]) => (
        <div key={group}>
          <h3>{t(key, { count: count(group) })}</h3>
          <ul className="tags">
            {[...result[group]].sort().map((code) => (
              <li key={code}>
                <Link to={`/thu-tuc/${encodeURIComponent(code)}`}>{code}</Link>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
