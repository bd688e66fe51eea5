import { describe, expect, it } from 'vitest';
import { FILE_PATH_PATTERN, HUB_PATH_PATTERNS, isHubPath } from '@core/hub-paths';

/** What the web workstation's service worker does with a navigation: answer it with the cached page, or leave it to the hub. */
const answeredFromCache = (url: string) => ![...HUB_PATH_PATTERNS, FILE_PATH_PATTERN].some((pattern) => pattern.test(url));

describe('the hub’s own paths and the workstation’s routes', () => {
  it('leaves every hub path to the network: API, sync and its event stream, health, metrics, update feed', () => {
    for (const url of ['/api/docs', '/api/v1/customers?q=x', '/api', '/sync/events', '/sync/pull', '/sync', '/health', '/health/ready', '/metrics', '/metrics?x=1', '/updates/latest.yml']) {
      expect(isHubPath(url), url).toBe(true);
      expect(answeredFromCache(url), url).toBe(false);
    }
  });

  it('answers the workstation’s routes with the app, deep links included', () => {
    for (const url of ['/', '/queue', '/customer?id=abc', '/customers', '/follow-ups', '/settings', '/healthy-customers', '/synced']) {
      expect(isHubPath(url), url).toBe(false);
      expect(answeredFromCache(url), url).toBe(true);
    }
  });

  it('never answers a file’s address with the page', () => {
    for (const url of ['/sw.js', '/manifest.webmanifest', '/assets/index-abc.js', '/icons/icon-192.png?v=2']) {
      expect(answeredFromCache(url), url).toBe(false);
    }
  });
});
