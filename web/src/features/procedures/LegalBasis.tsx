/** Căn cứ pháp lý: each document cited by its number, title, date (dd/MM/yyyy) and issuer. */
import { useI18n } from '../../shared/i18n/i18n';
import type { ProcedureTthc } from './procedures-api';
import { legalDate } from './procedure-format';

export function LegalBasis({ documents }: { documents: ProcedureTthc['CanCuPhapLy'] }) {
  const { t } = useI18n();
  if (documents.length === 0) return <p>{t('procedures.legal.none')}</p>;
  return (
    <ul className="procedure-legal">
      {documents.map((document) => (
        <li key={document.SoKyHieu}>
          <strong className="procedure-notation">{document.SoKyHieu}</strong>{' '}
          <span lang="vi">{document.TrichYeu}</span>
          <span className="procedure-aside">
            {t('procedures.legal.issued', {
              date: legalDate(document.NgayBanHanh),
              issuer: document.CoQuanBanHanh,
            })}
          </span>
        </li>
      ))}
    </ul>
  );
}
