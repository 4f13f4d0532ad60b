/**
 * A commune-level unit (xã, phường, đặc khu) chosen from the province's list, which the portal
 * already loads for its report filters (GET /api/geo/communes). The value is the unit's 5-digit
 * code, what the form engine checks. Should the list fail to load, a 5-digit code can still be
 * typed, so the form is never blocked by one request.
 */
import { useI18n } from '../../../shared/i18n/i18n';
import { usePublicConfig } from '../../../shared/api/public-config';
import { useCommunes } from '../../feedback-public/public-api';

export function CommuneSelect({
  id,
  value,
  onChange,
  describedBy,
  invalid,
  required,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
}) {
  const { t, locale } = useI18n();
  const config = usePublicConfig();
  const communes = useCommunes(config.data?.provinceCode);
  const common = {
    id,
    'aria-describedby': describedBy,
    'aria-invalid': invalid || undefined,
    'aria-required': required || undefined,
  };

  if (communes.error || config.error) {
    const hintId = `${id}-code-hint`;
    return (
      <>
        <p id={hintId} className="field-hint">
          {t('procedures.form.communeCodeHint')}
        </p>
        <input
          {...common}
          aria-describedby={[hintId, describedBy].filter(Boolean).join(' ')}
          type="text"
          inputMode="numeric"
          autoComplete="off"
          value={value}
          onChange={(event) => onChange(event.target.value)}
        />
      </>
    );
  }
  const known = (communes.data ?? []).some((commune) => commune.code === value);
  return (
    <select
      {...common}
      value={value}
      aria-busy={communes.isPending || undefined}
      onChange={(event) => onChange(event.target.value)}
    >
      <option value="">
        {communes.isPending ? t('app.loading') : t('procedures.form.chooseCommune')}
      </option>
      {/* A code typed before (or sent back by the server) stays visible until changed. */}
      {value && !known && !communes.isPending ? <option value={value}>{value}</option> : null}
      {(communes.data ?? []).map((commune) => (
        <option key={commune.code} value={commune.code}>
          {locale === 'en' ? commune.nameEn : commune.name}
        </option>
      ))}
    </select>
  );
}
