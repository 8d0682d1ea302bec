import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY,
  denyAllPermissions,
  hardenAllWebContents,
  hardenWebContents,
  isAllowedExternalUrl,
} from '../../../electron/security';
import { createFakeElectron, fakeEvent, FakeWebContents } from '../fake-electron';

function hardened() {
  const fake = createFakeElectron();
  const contents = new FakeWebContents();
  hardenWebContents(contents, fake.electron.shell);
  return { fake, contents };
}

function directives(csp: string): Map<string, string> {
  return new Map(csp.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name!, values.join(' ')];
  }));
}

describe('Content-Security-Policy', () => {
  it('allows only our own origin, no eval, no plugins, no framing, no forms', () => {
    const csp = directives(CONTENT_SECURITY_POLICY);
    expect(csp.get('default-src')).toBe("'self'");
    expect(csp.get('script-src')).toBe("'self'");
    expect(csp.get('connect-src')).toBe("'self'");
    expect(csp.get('object-src')).toBe("'none'");
    expect(csp.get('base-uri')).toBe("'none'");
    expect(csp.get('frame-ancestors')).toBe("'none'");
    expect(csp.get('form-action')).toBe("'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|\*|http:|https:/);
  });
});

describe('navigation', () => {
  it.each(['https://evil.example/', 'file:///etc/passwd', 'http://127.0.0.1:8080/', 'app://autre/index.html'])(
    'refuses to navigate to %s',
    (url) => {
      const { contents } = hardened();
      const event = fakeEvent({ url });
      contents.emit('will-navigate', event, url);
      expect(event.defaultPrevented).toBe(true);
      const frameEvent = fakeEvent({ url });
      contents.emit('will-frame-navigate', frameEvent);
      expect(frameEvent.defaultPrevented).toBe(true);
    },
  );

  it('lets the app move between its own pages', () => {
    const { contents } = hardened();
    const event = fakeEvent({ url: 'app://paniers/index.html#/adherents' });
    contents.emit('will-navigate', event, event.url);
    expect(event.defaultPrevented).toBe(false);
  });

  it('refuses every redirect and every <webview>', () => {
    const { contents } = hardened();
    const redirect = fakeEvent();
    contents.emit('will-redirect', redirect, 'app://paniers/index.html');
    const webview = fakeEvent();
    contents.emit('will-attach-webview', webview, {}, {});
    expect(redirect.defaultPrevented).toBe(true);
    expect(webview.defaultPrevented).toBe(true);
  });

  it('sends a clicked allow-listed link to the browser instead, once', () => {
    const { fake, contents } = hardened();
    const event = fakeEvent({ url: 'https://www.reseaucocagne.asso.fr/jardins' });
    contents.emit('will-navigate', event, event.url);
    contents.emit('will-frame-navigate', event);
    expect(event.defaultPrevented).toBe(true);
    expect(fake.opened.external).toEqual(['https://www.reseaucocagne.asso.fr/jardins']);
  });
});

describe('new windows and external links', () => {
  it('denies every window.open, opening only allow-listed https links in the browser', () => {
    const { fake, contents } = hardened();
    const handler = contents.windowOpenHandler!;
    expect(handler({ url: 'https://evil.example/phish' })).toEqual({ action: 'deny' });
    expect(handler({ url: 'https://www.impots.gouv.fr/professionnel' })).toEqual({ action: 'deny' });
    expect(fake.opened.external).toEqual(['https://www.impots.gouv.fr/professionnel']);
  });

  it.each([
    'http://www.impots.gouv.fr/',
    'https://www.impots.gouv.fr.evil.example/',
    'https://user:pass@www.impots.gouv.fr/',
    'https://www.impots.gouv.fr:8443/',
    'file:///C:/Windows/System32/calc.exe',
    'javascript:alert(1)',
    'smb://serveur/partage',
    'pas une adresse',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('hardens every web contents the app creates, not only the main window', () => {
    const fake = createFakeElectron();
    hardenAllWebContents(fake.electron.app, fake.electron.shell);
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', fakeEvent(), contents);
    expect(contents.windowOpenHandler).not.toBeNull();
    expect(contents.listeners.get('will-navigate')).toHaveLength(1);
  });
});

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen'])('denies %s', (permission) => {
    const fake = createFakeElectron();
    denyAllPermissions(fake.electron.session.defaultSession);
    const answers: boolean[] = [];
    fake.permissionRequestHandlers[0]!({}, permission, (granted: boolean) => answers.push(granted), {});
    expect(answers).toEqual([false]);
    expect(fake.permissionCheckHandlers[0]!({}, permission, 'app://paniers', {})).toBe(false);
  });
});
