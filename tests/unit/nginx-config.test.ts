/**
 * deploy/nginx/agentdesk.conf is documented in docs/scaling.md and run by
 * tests/integration/multi-hub.test.ts: the doc shows the file as it is, and
 * filling it in leaves no placeholder and names every hub process in both
 * upstream blocks. UPDATE_SCALING_DOC=1 npx vitest run tests/unit/nginx-config.test.ts
 * rewrites the doc's copy.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NGINX_TEMPLATE, renderAgentDeskConf } from '../helpers/nginx';

const DOC = path.join(import.meta.dirname, '../../docs/scaling.md');
const BEGIN = '<!-- nginx:begin (deploy/nginx/agentdesk.conf) -->';
const END = '<!-- nginx:end -->';

describe('the nginx configuration for several hub processes', () => {
  const template = readFileSync(NGINX_TEMPLATE, 'utf8');

  it('is shown in docs/scaling.md as it is in deploy/nginx/agentdesk.conf', () => {
    const doc = readFileSync(DOC, 'utf8');
    const start = doc.indexOf(BEGIN);
    const end = doc.indexOf(END);
    expect(start, `${DOC} lacks the ${BEGIN} marker`).toBeGreaterThanOrEqual(0);
    expect(end, `${DOC} lacks the ${END} marker`).toBeGreaterThan(start);
    const block = `\n\`\`\`nginx\n${template}\`\`\`\n`;
    if (process.env.UPDATE_SCALING_DOC === '1') {
      writeFileSync(DOC, doc.slice(0, start + BEGIN.length) + block + doc.slice(end));
      return;
    }
    expect(doc.slice(start + BEGIN.length, end), 'docs/scaling.md differs from deploy/nginx/agentdesk.conf: UPDATE_SCALING_DOC=1 rewrites it').toBe(block);
  });

  it('filled in, names every process in both upstream blocks and leaves no placeholder outside comments', () => {
    const hubs = ['127.0.0.1:4871', '127.0.0.1:4872', '10.0.0.7:4870'];
    const conf = renderAgentDeskConf(template, { hubs, listen: '443 ssl', serverName: 'agentdesk.example.com' });
    const directives = conf.split('\n').filter((line) => !line.trimStart().startsWith('#'));
    expect(directives.filter((line) => line.includes('{{'))).toEqual([]);
    const upstreams = [...conf.matchAll(/upstream (\w+) \{([^}]*)\}/g)].map(([, name, body]) => ({
      name,
      servers: [...body!.matchAll(/^\s*server (\S+)/gm)].map((match) => match[1]),
    }));
    expect(upstreams).toEqual([
      { name: 'agentdesk_hubs', servers: hubs },
      { name: 'agentdesk_hub_streams', servers: hubs },
    ]);
    expect(conf).toContain('listen 443 ssl;');
    expect(conf).toContain('server_name agentdesk.example.com;');
  });
});
