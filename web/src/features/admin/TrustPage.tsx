/**
 * Whose signatures the platform trusts (GET/POST/DELETE /api/signing/roots, POST
 * /api/signing/crls): the root certificates of the certification authorities, and the
 * newest revocation list of each. A root is removed in two steps, since every signature it
 * vouches for stops being trusted at once.
 */
import { useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { formatDateTime } from '../../shared/i18n/format';
import { api, unwrap } from '../../shared/api/client';
import type { paths } from '../../shared/api/openapi';
import { Alert } from '../../shared/ui/Alert';
import { usePageTitle } from '../../shared/ui/usePageTitle';

type Root =
  paths['/api/signing/roots']['get']['responses'][200]['content']['application/json']['items'][number];

const KEYS = ['admin', 'trusted-roots'] as const;

export function TrustPage() {
  const { t } = useI18n();
  usePageTitle(t('trust.title'));
  return (
    <div className="admin-page">
      <h1>{t('trust.title')}</h1>
      <p className="lead">{t('trust.lead')}</p>
      <AddRootForm />
      <CrlForm />
      <RootList />
    </div>
  );
}

function PemForm({
  id,
  title,
  label,
  hint,
  submitLabel,
  onSubmit,
}: {
  id: string;
  title: string;
  label: string;
  hint: string;
  submitLabel: string;
  onSubmit: (text: string) => Promise<string>;
}) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setDone(null);
    setError(undefined);
    if (!text.trim()) {
      setMissing(true);
      return;
    }
    setMissing(false);
    setBusy(true);
    try {
      setDone(await onSubmit(text.trim()));
      setText('');
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      {done ? <Alert kind="success">{done}</Alert> : null}
      {error !== undefined ? <Alert kind="error" error={error} /> : null}
      <form onSubmit={(event) => void submit(event)} noValidate className="form">
        <div className={`field${missing ? ' field-invalid' : ''}`}>
          <label htmlFor={id}>{label}</label>
          <p id={`${id}-hint`} className="field-hint">
            {hint}
          </p>
          <textarea
            id={id}
            rows={6}
            spellCheck={false}
            className="mono"
            value={text}
            aria-describedby={`${id}-hint${missing ? ` ${id}-error` : ''}`}
            aria-invalid={missing ? true : undefined}
            onChange={(event) => setText(event.target.value)}
          />
          {missing ? (
            <p id={`${id}-error`} className="field-error">
              {t('form.required')}
            </p>
          ) : null}
        </div>
        <button type="submit" className="button" disabled={busy}>
          {busy ? t('form.submitting') : submitLabel}
        </button>
      </form>
    </section>
  );
}

function AddRootForm() {
  const { t } = useI18n();
  const client = useQueryClient();
  return (
    <PemForm
      id="trust-root-pem"
      title={t('trust.addTitle')}
      label={t('trust.pem')}
      hint={t('trust.pemHint')}
      submitLabel={t('trust.addSubmit')}
      onSubmit={async (pem) => {
        const root = await unwrap(api.POST('/api/signing/roots', { body: { pem } }));
        await client.invalidateQueries({ queryKey: KEYS });
        return t('trust.added', { subject: root.subject });
      }}
    />
  );
}

function CrlForm() {
  const { t, locale } = useI18n();
  return (
    <PemForm
      id="trust-crl"
      title={t('trust.crlTitle')}
      label={t('trust.crl')}
      hint={t('trust.crlHint')}
      submitLabel={t('trust.crlSubmit')}
      onSubmit={async (crl) => {
        const loaded = await unwrap(api.POST('/api/signing/crls', { body: { crl } }));
        return t('trust.crlLoaded', {
          issuer: loaded.issuer,
          count: loaded.revokedCount,
          time: formatDateTime(loaded.thisUpdate, locale),
        });
      }}
    />
  );
}

function RootList() {
  const { t } = useI18n();
  const result = useQuery({
    queryKey: KEYS,
    queryFn: () => unwrap(api.GET('/api/signing/roots')),
  });
  return (
    <section aria-labelledby="trust-list-title">
      <h2 id="trust-list-title">{t('trust.listTitle')}</h2>
      {result.error ? <Alert kind="error" error={result.error} /> : null}
      {result.data && result.data.items.length === 0 ? <p>{t('trust.empty')}</p> : null}
      {result.data && result.data.items.length > 0 ? (
        <div className="table-wrap" role="region" aria-label={t('trust.listTitle')} tabIndex={0}>
          <table className="data-table">
            <caption>{t('trust.listTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('trust.subject')}</th>
                <th scope="col">{t('trust.fingerprint')}</th>
                <th scope="col">{t('trust.notAfter')}</th>
                <th scope="col">{t('trust.source')}</th>
                <th scope="col">{t('trust.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {result.data.items.map((root) => (
                <RootRow key={root.fingerprint} root={root} />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function RootRow({ root }: { root: Root }) {
  const { t, locale } = useI18n();
  const client = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>();
  const remove = async () => {
    if (!root.id) return;
    try {
      await unwrap(api.DELETE('/api/signing/roots/{id}', { params: { path: { id: root.id } } }));
      await client.invalidateQueries({ queryKey: KEYS });
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <tr>
      <th scope="row">{root.subject}</th>
      <td className="mono">{root.fingerprint.slice(0, 16)}…</td>
      <td>{formatDateTime(root.notAfter, locale)}</td>
      <td>{root.source === 'config' ? t('trust.fromConfig') : t('trust.fromAdmin')}</td>
      <td>
        {error !== undefined ? <Alert kind="error" error={error} /> : null}
        {root.source === 'database' ? (
          confirming ? (
            <div className="button-row" role="group" aria-label={t('trust.confirmRemove')}>
              <button type="button" className="button button-danger" onClick={() => void remove()}>
                {t('trust.confirmRemove')}
              </button>
              <button
                type="button"
                className="button button-secondary"
                onClick={() => setConfirming(false)}
              >
                {t('list.cancel')}
              </button>
            </div>
          ) : (
            <button
              type="button"
              className="button button-secondary"
              aria-label={t('trust.removeNamed', { subject: root.subject })}
              onClick={() => setConfirming(true)}
            >
              {t('trust.remove')}
            </button>
          )
        ) : null}
      </td>
    </tr>
  );
}
