/**
 * Thành phần hồ sơ: the documents to bring, case by case ("Hồ sơ gồm", "Trường hợp trẻ em bị
 * bỏ rơi"…), each with how many originals and copies, its template and whether it is always
 * required. A list rather than a table: document names run to three lines on a phone.
 */
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import type { ProcedureTthc } from './procedures-api';

export function RequiredDocuments({ cases }: { cases: ProcedureTthc['ThanhPhanHoSo'] }) {
  const { t, locale } = useI18n();
  if (cases.length === 0) return <p>{t('procedures.documents.none')}</p>;
  return (
    <>
      {cases.map((documentCase, caseIndex) => (
        <div key={caseIndex} className="procedure-case">
          <h3 lang="vi">{documentCase.TruongHop}</h3>
          <ul className="procedure-documents">
            {documentCase.GiayTo.map((document) => (
              <li key={document.MaGiayTo}>
                <span lang="vi">{document.TenGiayTo}</span>
                <span className="procedure-document-meta">
                  <span
                    className={`procedure-need procedure-need-${document.BatBuoc ? 'yes' : 'no'}`}
                  >
                    {document.BatBuoc
                      ? t('procedures.documents.required')
                      : t('procedures.documents.optional')}
                  </span>
                  <span>
                    {t('procedures.documents.originals', {
                      count: formatNumber(document.SoBanChinh, locale),
                    })}
                  </span>
                  <span>
                    {t('procedures.documents.copies', {
                      count: formatNumber(document.SoBanSao, locale),
                    })}
                  </span>
                  {document.MauDon ? (
                    <span>
                      {t('procedures.documents.template')} <span lang="vi">{document.MauDon}</span>
                    </span>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </>
  );
}
