import { describe, expect, it } from 'vitest';
import { deepLinkToPath, findDeepLink } from '@core/deep-link';

describe('screen-pop deep links', () => {
  it('turns agentdesk:// links into in-app routes, keeping the query', () => {
    expect(deepLinkToPath('agentdesk://customer?phone=%2B441234567890')).toBe('/customer?phone=%2B441234567890');
    expect(deepLinkToPath('agentdesk://customer?email=ann%40example.com')).toBe('/customer?email=ann%40example.com');
    expect(deepLinkToPath('agentdesk://customer/?id=c-42')).toBe('/customer?id=c-42');
    expect(deepLinkToPath('agentdesk:customer?id=c-42')).toBe('/customer?id=c-42');
    expect(deepLinkToPath('AGENTDESK://queue')).toBe('/queue');
  });

  it('ignores other schemes, unknown routes and oversized links', () => {
    expect(deepLinkToPath('https://customer?phone=1')).toBeNull();
    expect(deepLinkToPath('agentdesk://settings/../../etc')).toBeNull();
    expect(deepLinkToPath('agentdesk://admin')).toBeNull();
    expect(deepLinkToPath('not a link')).toBeNull();
    expect(deepLinkToPath(`agentdesk://customer?phone=${'1'.repeat(3000)}`)).toBeNull();
  });

  it('finds the deep link among command-line arguments', () => {
    expect(findDeepLink(['/opt/AgentDesk/agentdesk', '--no-sandbox', 'agentdesk://customer?id=7'])).toBe('agentdesk://customer?id=7');
    expect(findDeepLink(['/opt/AgentDesk/agentdesk', '.'])).toBeNull();
  });
});
