/**
 * A photo of a report. A public photo is a plain URL, which the browser may cache. A photo
 * that moderation hid (or any photo of a hidden report) is served only to the reporter, who
 * proves it with the X-Report-Secret header; an <img> cannot send a header, so such a photo
 * is fetched with it and shown from a blob: URL, released when the photo leaves the page.
 */
import { useEffect, useState } from 'react';
import { useI18n } from '../../shared/i18n/i18n';
import { SECRET_HEADER } from './feedback-api';
import '../feedback-public/feedback-public.css';

type Loaded = { url: string; src: string } | { url: string; failed: true } | null;

function usePrivateImage(url: string, secret: string | null): Loaded {
  const [loaded, setLoaded] = useState<Loaded>(null);
  useEffect(() => {
    if (!secret) return;
    const abort = new AbortController();
    let objectUrl: string | null = null;
    void (async () => {
      try {
        const response = await fetch(url, {
          headers: { [SECRET_HEADER]: secret },
          credentials: 'same-origin',
          signal: abort.signal,
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const blob = await response.blob();
        if (abort.signal.aborted) return;
        objectUrl = URL.createObjectURL(blob);
        setLoaded({ url, src: objectUrl });
      } catch {
        if (!abort.signal.aborted) setLoaded({ url, failed: true });
      }
    })();
    return () => {
      abort.abort();
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [url, secret]);
  // A result for another URL (the effect has not caught up yet) is not this photo's.
  return loaded?.url === url ? loaded : null;
}

export function ReportPhoto({
  url,
  alt,
  secret,
  restricted,
}: {
  url: string;
  alt: string;
  /** The reporter's secret kept on this device, if any. */
  secret: string | null;
  /** Only the reporter (or staff) may see it. */
  restricted: boolean;
}) {
  // Without a secret the reporter, if anyone, is signed in: the session cookie goes with a
  // plain <img> request, so the plain URL serves them.
  const privately = restricted && secret !== null;
  const loaded = usePrivateImage(url, privately ? secret : null);
  if (!privately) return <img src={url} alt={alt} />;
  return <PrivateImage loaded={loaded} alt={alt} />;
}

function PrivateImage({ loaded, alt }: { loaded: Loaded; alt: string }) {
  const { t } = useI18n();
  if (loaded === null) {
    return (
      <span className="feedback-photo-placeholder" role="img" aria-label={alt} aria-busy="true" />
    );
  }
  if ('failed' in loaded) {
    return <span className="feedback-photo-placeholder">{t('feedbackPublic.photo.failed')}</span>;
  }
  return <img src={loaded.src} alt={alt} />;
}
