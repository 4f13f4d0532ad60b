/**
 * Chooses an agency from the directory (GET /api/agencies, flat, active only), by name and
 * code. The whole province fits in one page of the directory.
 */
import { useQuery } from '@tanstack/react-query';
import { useI18n } from '../../shared/i18n/i18n';
import { api, unwrap } from '../../shared/api/client';

export function useAgencyOptions() {
  return useQuery({
    queryKey: ['agencies', 'options'],
    queryFn: () =>
      unwrap(
        api.GET('/api/agencies', {
          params: { query: { view: 'flat', includeInactive: false, page: 1, pageSize: 200 } },
        }),
      ),
    staleTime: 300_000,
  });
}

export function AgencySelect({
  id,
  value,
  onChange,
  emptyLabel,
  error,
  required,
}: {
  id: string;
  value: string;
  onChange: (agencyId: string) => void;
  emptyLabel: string;
  error?: string;
  required?: boolean;
}) {
  const { locale } = useI18n();
  const agencies = useAgencyOptions();
  const errorId = error ? `${id}-error` : undefined;
  return (
    <>
      <select
        id={id}
        value={value}
        required={required}
        aria-invalid={error ? true : undefined}
        aria-describedby={errorId}
        aria-busy={agencies.isPending}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">{emptyLabel}</option>
        {(agencies.data?.items ?? []).map((agency) => (
          <option key={agency.id} value={agency.id}>
            {locale === 'en' && agency.nameEn ? agency.nameEn : agency.name} ({agency.code})
          </option>
        ))}
      </select>
      {error ? (
        <p id={errorId} className="field-error">
          {error}
        </p>
      ) : null}
    </>
  );
}
