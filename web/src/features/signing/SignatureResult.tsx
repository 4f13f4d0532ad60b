/** One signature of a verification report, in words. */
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import type { MessageKey } from '../../shared/i18n/translate';
import type { SignatureReport } from './verify-signature';

const KNOWN_PROBLEMS = new Set([
  'MALFORMED',
  'NOT_DETACHED',
  'NO_SIGNER',
  'SIGNER_CERTIFICATE_MISSING',
  'NO_SIGNED_ATTRIBUTES',
  'UNSUPPORTED_ALGORITHM',
  'DIGEST_MISMATCH',
  'BAD_SIGNATURE',
  'CERTIFICATE_BINDING_MISMATCH',
  'NO_PATH_TO_TRUSTED_ROOT',
  'NOT_YET_VALID_AT_SIGNING',
  'EXPIRED_AT_SIGNING',
  'ISSUER_NOT_A_CA',
  'REVOKED',
  'CRL_EXPIRED',
  'BAD_BYTE_RANGE',
  'CHANGED_AFTER_SIGNING',
]);

export function SignatureResult({
  signature,
  index,
}: {
  signature: SignatureReport;
  index: number;
}) {
  const { t, locale } = useI18n();
  const date = (value: string) => formatDateTime(value, locale);
  const headingId = `signature-${index}`;
  const problem = (code: string) =>
    KNOWN_PROBLEMS.has(code)
      ? t(`signing.problem.${code}` as MessageKey)
      : t('signing.problem.other', { code });
  const signer = signature.signer;
  return (
    <section
      className={`signature-result ${signature.valid ? 'signature-valid' : 'signature-invalid'}`}
      aria-labelledby={headingId}
    >
      <h3 id={headingId}>
        {t('signing.signatureTitle', {
          index: index + 1,
          name: signer?.commonName ?? t('signing.unknownSigner'),
        })}{' '}
        <span className="signature-verdict">
          {signature.valid ? t('signing.valid') : t('signing.invalid')}
        </span>
      </h3>
      <dl className="facts">
        {signer ? (
          <>
            <dt>{t('signing.signer')}</dt>
            <dd>{signer.commonName}</dd>
            {signer.organization ? (
              <>
                <dt>{t('signing.organization')}</dt>
                <dd>{signer.organization}</dd>
              </>
            ) : null}
          </>
        ) : null}
        {signature.claimedSigningTime ? (
          <>
            <dt>{t('signing.claimedTime')}</dt>
            <dd>{date(signature.claimedSigningTime)}</dd>
          </>
        ) : null}
        <dt>{t('signing.intact')}</dt>
        <dd>{signature.intact ? t('signing.intactYes') : t('signing.intactNo')}</dd>
        <dt>{t('signing.trusted')}</dt>
        <dd>{signature.trusted ? t('signing.trustedYes') : t('signing.trustedNo')}</dd>
        <dt>{t('signing.revocation')}</dt>
        <dd>
          {signature.revocation === 'revoked' && signature.revokedAt
            ? t('signing.revocation.revoked', { time: date(signature.revokedAt) })
            : t(`signing.revocation.${signature.revocation}` as MessageKey)}
        </dd>
        {signature.coverage ? (
          <>
            <dt>{t('signing.coverage')}</dt>
            <dd>{t(`signing.coverage.${signature.coverage}` as MessageKey)}</dd>
          </>
        ) : null}
        {signature.pageIndex !== null ? (
          <>
            <dt>{t('signing.page')}</dt>
            <dd>{signature.pageIndex + 1}</dd>
          </>
        ) : null}
        {signature.reason ? (
          <>
            <dt>{t('signing.reason')}</dt>
            <dd>{signature.reason}</dd>
          </>
        ) : null}
        {signature.location ? (
          <>
            <dt>{t('signing.location')}</dt>
            <dd>{signature.location}</dd>
          </>
        ) : null}
        {signer ? (
          <>
            <dt>{t('signing.serial')}</dt>
            <dd className="mono">{signer.serialNumber}</dd>
            <dt>{t('signing.validity')}</dt>
            <dd>
              {t('signing.validityRange', {
                from: date(signer.notBefore),
                to: date(signer.notAfter),
              })}
            </dd>
          </>
        ) : null}
        {signature.chain.length > 0 ? (
          <>
            <dt>{t('signing.chain')}</dt>
            <dd>
              <ol className="certificate-chain">
                {signature.chain.map((certificate) => (
                  <li key={certificate.fingerprint}>{certificate.commonName}</li>
                ))}
              </ol>
            </dd>
          </>
        ) : null}
      </dl>
      {signature.problems.length > 0 ? (
        <>
          <h4>{t('signing.problems')}</h4>
          <ul className="signature-problems">
            {signature.problems.map((code) => (
              <li key={code}>{problem(code)}</li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
