/**
 * Desktops for sync tests: each has its own IndexedDB (fake-indexeddb, one
 * factory per desktop, so nothing is shared), signs in to a real hub over
 * HTTP on 127.0.0.1, and syncs with the real engine. Requests go through a
 * fetch that follows the hub across restarts and can drop or duplicate them.
 */
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { AgentDeskDb, localDbName } from '@core/db/schema';
import type { User } from '@core/domain/model';
import { LoginResponseSchema } from '@core/hub-api';
import { SyncEngine, type SyncEngineOptions } from '@core/sync/engine';
import { mutate, type MutationRefused } from '@core/sync/local';
import type { Actor, MutationInput, MutationName } from '@core/sync/mutations';

/** The address desktops use; rewritten to wherever the hub listens now. */
export const HUB_ALIAS = 'http://hub.test';

export interface FaultPlan {
  /** Chance that a request never reaches the hub. */
  dropRequest?: number;
  /** Chance that the hub handles a request but its answer is lost. */
  dropResponse?: number;
  /** Chance that a request is delivered twice (the second answer is the one returned). */
  duplicate?: number;
}

/** Where the hub listens now (it moves when restarted). */
export interface HubAddress {
  url: string;
}

/** One desktop's network: it can go offline and lose or duplicate requests on its own. */
export class HubLink {
  faults: FaultPlan = {};
  /** When false, every request fails as if the network were down. */
  online = true;
  /** Requests whose address matches fail as if the network were down. */
  block: RegExp | null = null;
  readonly stats = { requests: 0, droppedRequests: 0, droppedResponses: 0, duplicated: 0 };

  constructor(
    readonly address: HubAddress,
    private readonly random: () => number = Math.random,
  ) {}

  get url(): string {
    return this.address.url;
  }

  fetch: typeof fetch = async (input, init) => {
    const target = String(input instanceof Request ? input.url : input).replace(HUB_ALIAS, this.address.url);
    this.stats.requests += 1;
    const isEvents = target.includes('/sync/events');
    if (!this.online || this.block?.test(target)) throw new TypeError('fetch failed (network down)');
    if (!isEvents && this.random() < (this.faults.dropRequest ?? 0)) {
      this.stats.droppedRequests += 1;
      throw new TypeError('fetch failed (request dropped)');
    }
    if (!isEvents && this.random() < (this.faults.duplicate ?? 0)) {
      this.stats.duplicated += 1;
      await fetch(target, init).then((response) => response.arrayBuffer()).catch(() => undefined);
    }
    const response = await fetch(target, init);
    if (!isEvents && this.random() < (this.faults.dropResponse ?? 0)) {
      this.stats.droppedResponses += 1;
      await response.arrayBuffer().catch(() => undefined);
      throw new TypeError('fetch failed (response lost)');
    }
    return response;
  };
}

export interface DesktopOptions {
  /** The desktop's own network link to the hub. */
  link: HubLink;
  username: string;
  password: string;
  engine?: Partial<SyncEngineOptions>;
}

export class Desktop {
  db!: AgentDeskDb;
  engine!: SyncEngine;
  user!: User;
  token!: string;
  hubId!: string;
  private readonly factory = new IDBFactory();

  private constructor(private readonly options: DesktopOptions) {}

  static async signIn(options: DesktopOptions): Promise<Desktop> {
    const desktop = new Desktop(options);
    const response = await fetch(`${options.link.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: options.username, password: options.password }),
    });
    if (!response.ok) throw new Error(`sign-in of ${options.username} failed: ${response.status} ${await response.text()}`);
    const login = LoginResponseSchema.parse(await response.json());
    desktop.user = login.user;
    desktop.token = login.token;
    desktop.hubId = login.hubId;
    desktop.open();
    return desktop;
  }

  /**
   * A desktop already signed in, with a session the test made on the hub (createSession): sign-in's password hash
   * is deliberately slow, and tests with many desktops would spend their time there.
   */
  static async withSession(options: Omit<DesktopOptions, 'username' | 'password'> & { session: { token: string; user: User; hubId: string } }): Promise<Desktop> {
    const { session, ...rest } = options;
    const desktop = new Desktop({ ...rest, username: session.user.username, password: '' });
    desktop.user = session.user;
    desktop.token = session.token;
    desktop.hubId = session.hubId;
    desktop.open();
    return desktop;
  }

  get link(): HubLink {
    return this.options.link;
  }

  get actor(): Actor {
    return { userId: this.user.id, role: this.user.role, teamIds: this.user.teamIds };
  }

  private open(): void {
    this.db = new AgentDeskDb(localDbName(this.hubId, this.user.id), { indexedDB: this.factory, IDBKeyRange });
    this.engine = new SyncEngine({
      db: this.db,
      hubUrl: HUB_ALIAS,
      token: this.token,
      actor: this.actor,
      fetch: this.options.link.fetch,
      live: false,
      backoff: { baseMs: 5, maxMs: 50 },
      ...this.options.engine,
    });
  }

  mutate<N extends MutationName>(name: N, args: MutationInput<N>, at = Date.now()): Promise<number> {
    return mutate(this.db, this.actor, name, args, at);
  }

  /** Tries a change; returns the refusal instead of throwing it. */
  async tryMutate<N extends MutationName>(name: N, args: MutationInput<N>): Promise<MutationRefused | number> {
    try {
      return await this.mutate(name, args);
    } catch (error) {
      return error as MutationRefused;
    }
  }

  sync(): Promise<void> {
    return this.engine.sync();
  }

  /** Syncs until it succeeds (faults may make single attempts fail), waiting `pauseMs` between attempts. */
  async syncUntilDone(attempts = 200, pauseMs = 0): Promise<void> {
    let last: unknown;
    for (let i = 0; i < attempts; i += 1) {
      try {
        await this.engine.sync();
        return;
      } catch (error) {
        last = error;
      }
      if (pauseMs) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    throw new Error(`${this.user.username} could not sync in ${attempts} attempts: ${String(last)}`);
  }

  /** Closes the app and opens it again on the same local database (a reload or restart). */
  async reload(): Promise<void> {
    await this.engine.stop();
    this.db.close();
    this.open();
    await this.db.open();
  }

  /** Reopens the app with other engine settings (smaller pull pages once the first sync is done, say). */
  async reloadWith(engine: Partial<SyncEngineOptions>): Promise<void> {
    this.options.engine = { ...this.options.engine, ...engine };
    await this.reload();
  }

  async close(): Promise<void> {
    await this.engine.stop();
    this.db.close();
  }

  pending(): Promise<number> {
    return this.db.outbox.count();
  }
}
