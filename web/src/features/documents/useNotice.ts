/**
 * The confirmation after an action, and focus moved to it: the buttons the person used may
 * have gone (the document moved on), so the keyboard lands on the news instead of the page's
 * top. The message is also announced (role="status").
 */
import { useEffect, useRef, useState } from 'react';
import type { MessageKey } from '../../shared/i18n/translate';

export function useNotice(initial: MessageKey | null = null) {
  const [notice, setNotice] = useState<{ key: MessageKey; at: number } | null>(
    initial ? { key: initial, at: 0 } : null,
  );
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (notice && notice.at > 0) ref.current?.focus();
  }, [notice]);
  return {
    notice: notice?.key ?? null,
    ref,
    announce: (key: MessageKey) => setNotice({ key, at: Date.now() }),
    clear: () => setNotice(null),
  };
}
