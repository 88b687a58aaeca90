import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import {
  CONTENT_SECURITY_POLICY,
  documentSecurityHeaders,
} from '../../../src-main/electron/security/csp';
import {
  guardNavigation,
  isAllowedExternalLink,
} from '../../../src-main/electron/security/navigation';
import { secureWebPreferences } from '../../../src-main/electron/security/web-preferences';
import { mainWindowOptions } from '../../../src-main/electron/window/main-window';
import { DEFAULT_WINDOW_STATE } from '../../../src-main/electron/window/window-state';
import { MockWebContents } from '../../mocks/electron';

describe('main window webPreferences', () => {
  it('isolates and sandboxes the renderer with no Node access', () => {
    const prefs = mainWindowOptions(DEFAULT_WINDOW_STATE, '/app/preload.cjs', false).webPreferences;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      preload: '/app/preload.cjs',
      devTools: false,
    });
  });

  it('never enables experimental features', () => {
    expect(secureWebPreferences('/p', true).experimentalFeatures).toBe(false);
  });
});

describe('navigation guards', () => {
  const setup = () => {
    const contents = new MockWebContents();
    const openExternal = vi.fn(async () => {});
    guardNavigation(contents as unknown as WebContents, openExternal);
    return { contents, openExternal };
  };

  it.each(['https://evil.example/', 'file:///etc/passwd', 'hakobu-media://image/demo/a.jpg'])(
    'blocks navigation to %s',
    (url) => {
      const { contents } = setup();
      expect(contents.emitCancellable('will-navigate', url)).toBe(true);
      expect(contents.emitCancellable('will-redirect', url)).toBe(true);
    },
  );

  it('allows in-app navigation', () => {
    const { contents } = setup();
    expect(contents.emitCancellable('will-navigate', 'hakobu-app://app/index.html#/library')).toBe(
      false,
    );
  });

  it('blocks webviews', () => {
    expect(setup().contents.emitCancellable('will-attach-webview')).toBe(true);
  });

  it('denies every new window and opens only allowlisted https links outside', () => {
    const { contents, openExternal } = setup();
    for (const url of [
      'https://docs.aws.amazon.com/cognito/',
      'http://docs.aws.amazon.com/',
      'https://evil.example/',
    ]) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
    expect(openExternal).toHaveBeenCalledOnce();
    expect(openExternal).toHaveBeenCalledWith('https://docs.aws.amazon.com/cognito/');
  });

  it('does not treat look-alike hosts as allowlisted', () => {
    expect(isAllowedExternalLink('https://docs.aws.amazon.com.evil.example/')).toBe(false);
    expect(isAllowedExternalLink('javascript:alert(1)')).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows only our own scripts and styles, and images from the media protocol', () => {
    const directives = Object.fromEntries(
      CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['img-src']).toEqual(["'self'", 'hakobu-media:', 'data:', 'blob:']);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
  });

  it('is sent with every document', () => {
    expect(documentSecurityHeaders()['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});
