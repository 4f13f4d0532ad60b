/** Links between the three public views of citizen reports: the list, the map, the scorecard. */
import { NavLink } from 'react-router';
import { useI18n } from '../../shared/i18n/i18n';
import type { MessageKey } from '../../shared/i18n/translate';

const VIEWS: { to: string; label: MessageKey }[] = [
  { to: '/phan-anh', label: 'feedbackPublic.list.title' },
  { to: '/phan-anh/ban-do', label: 'feedbackPublic.map.title' },
  { to: '/phan-anh/bang-xep-hang', label: 'feedbackPublic.scorecard.title' },
];

export function PublicReportsNav() {
  const { t } = useI18n();
  return (
    <nav className="feedback-public-nav" aria-label={t('feedbackPublic.nav.label')}>
      <ul>
        {VIEWS.map((view) => (
          <li key={view.to}>
            <NavLink to={view.to} end>
              {t(view.label)}
            </NavLink>
          </li>
        ))}
        <li>
          <NavLink to="/phan-anh/moi" end>
            {t('feedback.cta')}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
