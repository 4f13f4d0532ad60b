/**
 * A document's files with download links: the issued PDF (signed, numbered and sealed) first,
 * then the signer's signed copy, received files, attachments and scans. Issuing keeps the
 * signer's copy and adds the sealed one, so the newest signed file is the issued document.
 */
import { useI18n } from '../../shared/i18n/i18n';
import { formatNumber } from '../../shared/i18n/format';
import type { MessageKey } from '../../shared/i18n/translate';
import { fileUrl, type DocumentFile } from './documents-api';

const ROLE_KEY: Record<DocumentFile['role'] | 'issued', MessageKey> = {
  issued: 'documents.files.issued',
  signed: 'documents.files.signed',
  draft: 'documents.files.draft',
  attachment: 'documents.files.attachment',
  received: 'documents.files.received',
};

const ORDER = ['issued', 'signed', 'received', 'draft', 'attachment'] as const;
type Kind = (typeof ORDER)[number];

export function FileList({ files }: { files: readonly DocumentFile[] }) {
  const { t, locale } = useI18n();
  const signed = files.filter((file) => file.role === 'signed');
  const issued = signed.length > 1 ? signed[signed.length - 1] : undefined;
  const kindOf = (file: DocumentFile): Kind => (file === issued ? 'issued' : file.role);
  const sorted = [...files].sort((a, b) => ORDER.indexOf(kindOf(a)) - ORDER.indexOf(kindOf(b)));
  return (
    <section className="panel" aria-labelledby="documents-files-title">
      <h2 id="documents-files-title">{t('documents.files.title')}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('documents.files.none')}</p>
      ) : (
        <ul className="documents-files">
          {sorted.map((file) => (
            <li key={file.id}>
              <span className="badge">{t(ROLE_KEY[kindOf(file)])}</span>{' '}
              <a href={fileUrl(file.id)} download={file.name}>
                <span className="visually-hidden">{t('documents.files.download')} </span>
                {file.name}
              </a>{' '}
              <span className="muted">
                (
                {t('documents.files.size', {
                  kb: formatNumber(Math.ceil(file.size / 1024), locale),
                })}
                )
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
