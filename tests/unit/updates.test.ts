/** The desktop's update decisions, with a fake updater in place of electron-updater. */
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { intlFor } from '../helpers/intl';
import {
  CHECK_INTERVAL_MS,
  createUpdateController,
  decideRestart,
  classifyUpdateError,
  describeUpdateStatus,
  restartRefusalMessage,
  isCheckDue,
  resolveFeedUrl,
  UpdateStateSchema,
  type UpdateState,
  type Updater,
} from '@core/updates';

class FakeUpdater extends EventEmitter implements Updater {
  checks = 0;
  installs: [boolean | undefined, boolean | undefined][] = [];
  /** What the next check does: emits events as electron-updater would. */
  onCheck: (updater: FakeUpdater) => Promise<unknown> = async (updater) => {
    updater.emit('checking-for-update');
    updater.emit('update-not-available');
  };
  checkForUpdates(): Promise<unknown> {
    this.checks += 1;
    return this.onCheck(this);
  }
  quitAndInstall(isSilent?: boolean, isForceRunAfter?: boolean): void {
    this.installs.push([isSilent, isForceRunAfter]);
  }
}

function setup(options: { feedUrl?: string | null; packaged?: boolean } = {}) {
  const updater = new FakeUpdater();
  let now = Date.UTC(2026, 2, 29, 0, 30);
  const published: UpdateState[] = [];
  const controller = createUpdateController({
    updater,
    feedUrl: options.feedUrl === undefined ? 'https://hub.example.com/updates/' : options.feedUrl,
    packaged: options.packaged ?? true,
    now: () => now,
    publish: (state) => published.push(UpdateStateSchema.parse(state)),
    log: () => undefined,
  });
  return { updater, controller, published, advance: (ms: number) => (now += ms), now: () => now };
}

describe('the update feed', () => {
  it('is the one set in settings, with a trailing slash, whatever the hub', () => {
    expect(resolveFeedUrl({ updateFeedUrl: 'https://it.example.com/agentdesk' }, { url: 'http://127.0.0.1:5000', mode: 'embedded' })).toBe('https://it.example.com/agentdesk/');
    expect(resolveFeedUrl({ updateFeedUrl: 'https://it.example.com/feed/' }, { url: 'https://hub.example.com', mode: 'remote' })).toBe('https://it.example.com/feed/');
  });
  it("is a remote hub's own /updates/ when none is set", () => {
    expect(resolveFeedUrl({ updateFeedUrl: null }, { url: 'https://hub.example.com/', mode: 'remote' })).toBe('https://hub.example.com/updates/');
  });
  it('is none for an embedded hub unless one is set', () => {
    expect(resolveFeedUrl({ updateFeedUrl: null }, { url: 'http://127.0.0.1:5000', mode: 'embedded' })).toBeNull();
  });
});

describe('when to check', () => {
  const start = Date.UTC(2026, 9, 25, 1, 0);
  it('checks at first, then once four hours have passed', () => {
    expect(isCheckDue({ state: 'idle' }, null, start)).toBe(true);
    expect(isCheckDue({ state: 'none' }, start, start + CHECK_INTERVAL_MS - 1)).toBe(false);
    expect(isCheckDue({ state: 'none' }, start, start + CHECK_INTERVAL_MS)).toBe(true);
    expect(isCheckDue({ state: 'error', error: 'failed' }, start, start + CHECK_INTERVAL_MS)).toBe(true);
  });
  it('never while a check or download runs, nor once an update waits', () => {
    for (const status of [{ state: 'checking' }, { state: 'downloading', version: '2.0.0', percent: 10 }, { state: 'ready', version: '2.0.0' }] as const) {
      expect(isCheckDue(status, null, start)).toBe(false);
    }
  });
});

describe('restarting to update', () => {
  it('restarts when an update is ready and the agent holds no contact', () => {
    expect(decideRestart({ status: { state: 'ready', version: '2.0.0' }, midContact: false })).toEqual({ restarting: true, reason: null });
  });
  it('refuses mid-contact, saying why in the agent’s language', () => {
    const answer = decideRestart({ status: { state: 'ready', version: '2.0.0' }, midContact: true });
    expect(answer).toEqual({ restarting: false, reason: 'mid-contact' });
    const refusal = restartRefusalMessage(answer.reason!);
    expect(intlFor('en-GB').formatMessage(refusal.descriptor)).toBe('Finish your contact first: the update installs when you restart or quit AgentDesk.');
    expect(intlFor('de').formatMessage(refusal.descriptor)).toMatch(/^Schließen Sie zuerst Ihren Kontakt ab/);
  });
  it('refuses when nothing is ready', () => {
    expect(decideRestart({ status: { state: 'downloading', version: '2.0.0', percent: 50 }, midContact: false }).restarting).toBe(false);
  });
});

describe('the controller', () => {
  it('follows a check through download to ready, telling the renderer each step', async () => {
    const { updater, controller, published } = setup();
    updater.onCheck = async (u) => {
      u.emit('checking-for-update');
      u.emit('update-available', { version: '2.1.0' });
      u.emit('download-progress', { percent: 42.7 });
      u.emit('update-downloaded', { version: '2.1.0' });
    };
    await controller.check();
    expect(published.map((state) => state.status)).toEqual([
      { state: 'checking' },
      { state: 'available', version: '2.1.0' },
      { state: 'downloading', version: '2.1.0', percent: 42.7 },
      { state: 'ready', version: '2.1.0' },
    ]);
    const said = describeUpdateStatus(controller.state().status);
    expect(intlFor('en-GB').formatMessage(said.descriptor, said.values)).toBe('Version 2.1.0 is ready. It installs when you quit AgentDesk, or now with “Restart to update”.');
  });

  it('installs on "Restart to update" only once the contact is over', async () => {
    const { updater, controller } = setup();
    updater.onCheck = async (u) => {
      u.emit('update-downloaded', { version: '2.1.0' });
    };
    await controller.check();
    controller.setMidContact(true);
    expect(controller.restart().restarting).toBe(false);
    expect(updater.installs).toEqual([]);
    controller.setMidContact(false);
    expect(controller.restart()).toEqual({ restarting: true, reason: null });
    expect(updater.installs).toEqual([[false, true]]);
  });

  it('checks on schedule only when due, and not again once an update is ready', async () => {
    const { updater, controller, advance } = setup();
    await controller.check({ scheduled: true });
    await controller.check({ scheduled: true });
    expect(updater.checks).toBe(1);
    advance(CHECK_INTERVAL_MS);
    updater.onCheck = async (u) => {
      u.emit('update-downloaded', { version: '2.1.0' });
    };
    await controller.check({ scheduled: true });
    expect(updater.checks).toBe(2);
    advance(CHECK_INTERVAL_MS);
    await controller.check({ scheduled: true });
    await controller.check();
    expect(updater.checks).toBe(2);
  });

  it('"Check now" checks even when a scheduled check just ran', async () => {
    const { updater, controller } = setup();
    await controller.check({ scheduled: true });
    await controller.check();
    expect(updater.checks).toBe(2);
    expect(controller.state().status).toEqual({ state: 'none' });
    expect(controller.state().checkedAt).not.toBeNull();
  });

  it('turns a failed check into a sentence, also when only the promise rejects', async () => {
    const { updater, controller } = setup();
    updater.onCheck = async (u) => {
      u.emit('error', new Error('getaddrinfo ENOTFOUND hub.example.com'));
      throw new Error('getaddrinfo ENOTFOUND hub.example.com');
    };
    await controller.check();
    expect(controller.state().status).toEqual({ state: 'error', error: 'unreachable' });
    const said = describeUpdateStatus(controller.state().status);
    expect(intlFor('en-GB').formatMessage(said.descriptor, said.values)).toBe('The update feed could not be reached; AgentDesk tries again later.');
    const second = setup();
    second.updater.onCheck = () => Promise.reject(new Error('HttpError: 404 Not Found'));
    await second.controller.check();
    expect(second.controller.state().status).toEqual({ state: 'error', error: 'no-release' });
  });

  it('never checks without a feed or in a development build, and says why', async () => {
    const noFeed = setup({ feedUrl: null });
    await noFeed.controller.check();
    expect(noFeed.updater.checks).toBe(0);
    expect(noFeed.controller.state().note).toBe('no-feed');
    const dev = setup({ packaged: false });
    await dev.controller.check();
    expect(dev.updater.checks).toBe(0);
    expect(dev.controller.state().note).toBe('development');
  });
});

it('tells errors apart without passing their details on', () => {
  expect(classifyUpdateError(new Error('sha512 checksum mismatch, expected abc'))).toBe('integrity');
  expect(classifyUpdateError(new Error('getaddrinfo ENOTFOUND hub.example.com'))).toBe('unreachable');
  expect(classifyUpdateError(new Error('Something at https://hub.example.com/updates/?token=abc'))).toBe('failed');
});

it('says a download’s progress with the version, as a percentage in the agent’s language', () => {
  const said = describeUpdateStatus({ state: 'downloading', version: '2.1.0', percent: 42.7 });
  expect(intlFor('en-GB').formatMessage(said.descriptor, said.values)).toBe('Downloading version 2.1.0: 42%.');
  expect(intlFor('de').formatMessage(said.descriptor, said.values).replace(/\u00a0/g, ' ')).toBe('Version 2.1.0 wird heruntergeladen: 42 %.');
});
