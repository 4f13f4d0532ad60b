/**
 * Switches between Vietnamese and English. The choice is kept on this device and, when
 * someone is signed in, in their profile so it follows them to other devices.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useI18n } from '../i18n/i18n';
import { LOCALES, type Locale } from '../i18n/translate';
import { api, unwrap } from '../api/client';
import { SESSION_KEY, setSession, type Session } from '../auth/session';

const NAMES: Record<Locale, 'app.languageVi' | 'app.languageEn'> = {
  vi: 'app.languageVi',
  en: 'app.languageEn',
};

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  const client = useQueryClient();

  const choose = (next: Locale): void => {
    if (next === locale) return;
    setLocale(next);
    const session = client.getQueryData<Session | null>(SESSION_KEY);
    if (session) {
      // The profile follows; if saving fails the interface still switches on this device.
      unwrap(api.PATCH('/api/auth/me', { body: { locale: next } })).then(
        (reply) => setSession(client, { ...session, user: reply.user }),
        () => undefined,
      );
    }
  };

  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {LOCALES.map((option) => (
        <button
          key={option}
          type="button"
          lang={option}
          aria-pressed={option === locale}
          onClick={() => choose(option)}
        >
          {t(NAMES[option])}
        </button>
      ))}
    </div>
  );
}
