/**
 * The agencies a document goes to: found in the platform's directory by name or code
 * (GET /api/documents/organs, diacritics ignored), or an agency outside the platform named
 * by its code (000.00.00.H49) and name. What the server refuses about a recipient (unknown,
 * twice, one's own agency) is said on that recipient's line.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/translate';
import { Alert } from '../../shared/ui/Alert';
import { searchOrgans } from './documents-api';

export interface Recipient {
  organId: string;
  organName: string;
  /** Outside the platform: its name travels with the draft. */
  external: boolean;
}

const AGENCY_CODE = /^[0-9]{3}\.[0-9]{2}\.[0-9]{2}\.[A-Z][0-9]{2}$/;

const PROBLEM_KEY: Record<string, MessageKey> = {
  duplicate: 'documents.recipients.problem.duplicate',
  not_an_agency_code: 'documents.recipients.problem.code',
  self: 'documents.recipients.problem.self',
  name_required: 'documents.recipients.problem.name',
};

export function RecipientsPicker({
  value,
  onChange,
  ownCode,
  error,
  problems,
}: {
  value: readonly Recipient[];
  onChange: (recipients: Recipient[]) => void;
  ownCode: string | undefined;
  error?: string | undefined;
  /** The server's refusals per agency code (RECIPIENT_INVALID details). */
  problems: Record<string, string>;
}) {
  const { t } = useI18n();
  const id = useId();
  const searchRef = useRef<HTMLInputElement>(null);
  const [q, setQ] = useState('');
  const [debounced, setDebounced] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [externalError, setExternalError] = useState<string | null>(null);

  useEffect(() => {
    const timer = setTimeout(() => setDebounced(q.trim()), 250);
    return () => clearTimeout(timer);
  }, [q]);

  const organs = useQuery({
    queryKey: ['documents', 'organs', debounced],
    queryFn: () => searchOrgans(debounced),
    enabled: debounced.length > 0,
    staleTime: 60_000,
  });
  const chosen = new Set(value.map((recipient) => recipient.organId));
  const matches = (organs.data ?? []).filter(
    (organ) => organ.code !== ownCode && !chosen.has(organ.code),
  );

  const add = (recipient: Recipient): void => {
    onChange([...value, recipient]);
    searchRef.current?.focus();
  };
  const remove = (organId: string): void => {
    onChange(value.filter((recipient) => recipient.organId !== organId));
    searchRef.current?.focus();
  };
  const addExternal = (): void => {
    const organId = code.trim().toUpperCase();
    if (!AGENCY_CODE.test(organId)) {
      setExternalError(t('documents.recipients.problem.code'));
      return;
    }
    if (!name.trim()) {
      setExternalError(t('documents.recipients.problem.name'));
      return;
    }
    if (chosen.has(organId)) {
      setExternalError(t('documents.recipients.problem.duplicate'));
      return;
    }
    setExternalError(null);
    setCode('');
    setName('');
    add({ organId, organName: name.trim(), external: true });
  };

  return (
    <fieldset
      className={`documents-recipients checkbox-group${error ? ' field-invalid' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend>{t('documents.field.recipients')}</legend>
      {error ? (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      ) : null}
      {value.length === 0 ? (
        <p className="muted">{t('documents.recipients.none')}</p>
      ) : (
        <ul className="documents-chosen">
          {value.map((recipient) => (
            <li key={recipient.organId}>
              <span>
                {recipient.organName} <span className="muted">({recipient.organId})</span>
                {recipient.external ? (
                  <span className="badge">{t('documents.recipients.external')}</span>
                ) : null}
              </span>
              <button
                type="button"
                className="button button-secondary"
                aria-label={t('documents.recipients.removeNamed', { name: recipient.organName })}
                onClick={() => remove(recipient.organId)}
              >
                {t('documents.recipients.remove')}
              </button>
              {problems[recipient.organId] ? (
                <p className="field-error">{problems[recipient.organId]}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <div className="field">
        <label htmlFor={`${id}-search`}>{t('documents.recipients.search')}</label>
        <input
          id={`${id}-search`}
          ref={searchRef}
          type="search"
          value={q}
          maxLength={100}
          autoComplete="off"
          aria-describedby={`${id}-found`}
          onChange={(event) => setQ(event.target.value)}
          onKeyDown={(event) => {
            // Enter picks nothing and must not submit the whole draft.
            if (event.key === 'Enter') event.preventDefault();
          }}
        />
      </div>
      <p id={`${id}-found`} className="muted" role="status">
        {debounced === ''
          ? t('documents.recipients.hint')
          : organs.isFetching
            ? t('app.loading')
            : t('documents.recipients.found', { count: matches.length })}
      </p>
      {organs.error ? <Alert kind="error" error={organs.error} /> : null}
      {debounced !== '' && matches.length > 0 ? (
        <ul className="documents-matches">
          {matches.map((organ) => (
            <li key={organ.code}>
              <span>
                {organ.name} <span className="muted">({organ.code})</span>
              </span>
              <button
                type="button"
                className="button button-secondary"
                aria-label={t('documents.recipients.addNamed', { name: organ.name })}
                onClick={() => add({ organId: organ.code, organName: organ.name, external: false })}
              >
                {t('documents.recipients.add')}
              </button>
            </li>
          ))}
        </ul>
      ) : null}

      <details className="documents-external">
        <summary>{t('documents.recipients.externalTitle')}</summary>
        <p className="field-hint">{t('documents.recipients.externalHint')}</p>
        <div className="documents-external-row">
          <div className="field">
            <label htmlFor={`${id}-code`}>{t('documents.recipients.code')}</label>
            <input
              id={`${id}-code`}
              value={code}
              maxLength={13}
              autoComplete="off"
              placeholder="000.00.00.H49"
              aria-invalid={externalError ? true : undefined}
              aria-describedby={externalError ? `${id}-external-error` : undefined}
              onChange={(event) => setCode(event.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-name`}>{t('documents.recipients.name')}</label>
            <input
              id={`${id}-name`}
              value={name}
              maxLength={300}
              autoComplete="off"
              aria-invalid={externalError ? true : undefined}
              aria-describedby={externalError ? `${id}-external-error` : undefined}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          <button type="button" className="button button-secondary" onClick={addExternal}>
            {t('documents.recipients.addExternal')}
          </button>
        </div>
        {externalError ? (
          <p id={`${id}-external-error`} className="field-error" role="alert">
            {externalError}
          </p>
        ) : null}
      </details>
    </fieldset>
  );
}

/** The server's refusals per recipient, from RECIPIENT_INVALID's details, in words. */
export function recipientProblems(
  details: unknown,
  t: (key: MessageKey) => string,
): Record<string, string> {
  const list = (details as { recipients?: unknown } | undefined)?.recipients;
  if (!Array.isArray(list)) return {};
  const result: Record<string, string> = {};
  for (const item of list as { organId?: unknown; problem?: unknown }[]) {
    if (typeof item.organId !== 'string') continue;
    const key = typeof item.problem === 'string' ? PROBLEM_KEY[item.problem] : undefined;
    result[item.organId] = t(key ?? 'form.invalid');
  }
  return result;
}
