import type { AppLike, PreventableEvent, SessionLike, ShellLike, WebContentsLike } from './electron-api';

/**
 * The page's Content-Security-Policy, sent as a header by the `app://` protocol handler.
 * Everything is bundled, so nothing may come from elsewhere; `style-src 'unsafe-inline'`
 * because Mantine and React set inline `style` attributes; `data:` images and fonts for the
 * organisation's logo and Vite-inlined assets. No `unsafe-eval`, no network.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export const APP_SCHEME = 'app';
export const APP_HOST = 'paniers';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The only sites a link in the app may open, in the user's browser (https, exact host names).
 * Add one here only with a reason; anything else is silently refused.
 */
export const EXTERNAL_HOSTS: readonly string[] = [
  'reseaucocagne.asso.fr',
  'www.reseaucocagne.asso.fr',
  'www.impots.gouv.fr',
  'www.service-public.fr',
  'www.europeanpaymentscouncil.eu',
];

function parse(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/** True for our own pages: `app://paniers/…`, nothing else (no user info, no port). */
export function isAppUrl(raw: string): boolean {
  const url = parse(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.hostname === APP_HOST &&
    url.port === '' &&
    url.username === '' &&
    url.password === ''
  );
}

/** True only for a well-formed https URL to an allow-listed host, on the default port. */
export function isAllowedExternalUrl(raw: string): boolean {
  const url = parse(raw);
  return (
    url !== null &&
    url.protocol === 'https:' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    EXTERNAL_HOSTS.includes(url.hostname)
  );
}

/** Opens an allow-listed link in the user's browser; returns whether it did. */
export function openExternalIfAllowed(shell: ShellLike, raw: string): boolean {
  if (!isAllowedExternalUrl(raw)) return false;
  // Re-serialise the parsed URL so the OS never sees the raw string the page sent.
  void shell.openExternal(new URL(raw).href).catch(() => undefined);
  return true;
}

type NavigationEvent = PreventableEvent & { url?: string };

/**
 * Checklist items 13–14 and the webview rule, for every web contents the app ever creates:
 * the page may not navigate away from `app://paniers`, open windows or attach a <webview>.
 * A click on an allow-listed link goes to the user's browser instead.
 */
export function hardenWebContents(contents: WebContentsLike, shell: ShellLike): void {
  // `will-navigate` covers the top frame (a clicked link opens in the browser if allowed);
  // `will-frame-navigate` also covers subframes, and only refuses, so a link opens once.
  contents.on('will-navigate', (event: NavigationEvent, legacyUrl?: string) => {
    const url = event.url ?? legacyUrl ?? '';
    if (isAppUrl(url)) return;
    event.preventDefault();
    openExternalIfAllowed(shell, url);
  });
  contents.on('will-frame-navigate', (event: NavigationEvent) => {
    if (!isAppUrl(event.url ?? '')) event.preventDefault();
  });
  contents.on('will-redirect', (event: PreventableEvent) => event.preventDefault());
  contents.on('will-attach-webview', (event: PreventableEvent) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(shell, url);
    return { action: 'deny' };
  });
}

/** Applies `hardenWebContents` to every web contents, including ones we did not create. */
export function hardenAllWebContents(app: AppLike, shell: ShellLike): void {
  app.on('web-contents-created', (_event: unknown, contents: WebContentsLike) => hardenWebContents(contents, shell));
}

/** Checklist item 5: the app needs no camera, notifications, geolocation… so none is granted. */
export function denyAllPermissions(session: SessionLike): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}
