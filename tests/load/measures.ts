/**
 * What a load run counts. Times are performance.now(); samples and counters
 * are kept only for events inside the measured window (after the warm-up),
 * while errors, rejections and stream drops are counted over the whole run:
 * none is expected at any time.
 */

export class Window {
  start = Number.POSITIVE_INFINITY;
  end = Number.POSITIVE_INFINITY;

  has(at: number): boolean {
    return at >= this.start && at < this.end;
  }
}

export class Recorder {
  readonly window = new Window();
  readonly pushLatencies: number[] = [];
  readonly noteSeen: number[] = [];
  readonly offerSeen: number[] = [];
  readonly postLatencies: number[] = [];
  mutationsApplied = 0;
  mutationsRejected = 0;
  pushes = 0;
  pulls = 0;
  emptyPulls = 0;
  pullBytes = 0;
  pullRows = 0;
  pokes = 0;
  /** `changes` events received, their bytes and rows, and how many did not follow on from the cursor (a pull instead). */
  deliveries = 0;
  deliveryBytes = 0;
  deliveryRows = 0;
  deliveriesMissed = 0;
  deliveryWaits = 0;
  contactsPosted = 0;
  /** Whole run. */
  readonly rejections = new Map<string, number>();
  readonly errors = new Map<string, number>();
  streamDrops = 0;
  resets = 0;
  mutationGaps = 0;
  /** Agents whose first sync had not finished when the window opened. */
  bootstrapping = 0;

  private static bump(map: Map<string, number>, key: string): void {
    map.set(key, (map.get(key) ?? 0) + 1);
  }

  rejection(code: string, at: number): void {
    Recorder.bump(this.rejections, code);
    if (this.window.has(at)) this.mutationsRejected += 1;
  }

  error(what: string): void {
    Recorder.bump(this.errors, what);
  }

  pushed(startedAt: number, endedAt: number, applied: number): void {
    if (!this.window.has(endedAt)) return;
    this.pushes += 1;
    this.pushLatencies.push(endedAt - startedAt);
    this.mutationsApplied += applied;
  }

  pulled(at: number, bytes: number, rows: number): void {
    if (!this.window.has(at)) return;
    this.pulls += 1;
    this.pullBytes += bytes;
    this.pullRows += rows;
    if (rows === 0) this.emptyPulls += 1;
  }

  poked(at: number): void {
    if (this.window.has(at)) this.pokes += 1;
  }

  delivered(at: number, bytes: number, rows: number): void {
    if (!this.window.has(at)) return;
    this.deliveries += 1;
    this.deliveryBytes += bytes;
    this.deliveryRows += rows;
  }

  deliveryMissed(at: number): void {
    if (this.window.has(at)) this.deliveriesMissed += 1;
  }

  /** A push's effects did not arrive on the stream in time: the desktop pulled. */
  deliveryWaitedOut(at: number): void {
    if (this.window.has(at)) this.deliveryWaits += 1;
  }

  posted(startedAt: number, endedAt: number): void {
    if (!this.window.has(endedAt)) return;
    this.contactsPosted += 1;
    this.postLatencies.push(endedAt - startedAt);
  }
}

interface NoteEntry {
  team: number;
  author: number;
  pushedAt: number | null;
  seenByTeammate: boolean;
}

/**
 * Notes by their ids: when their first push started and who may see them. A
 * teammate's pull that brings a note gives one sample (once per teammate: a
 * pulled row comes once).
 */
export class NoteTracker {
  private readonly notes = new Map<string, NoteEntry>();
  /** Notes pushed in the window, and how many of them some teammate saw. */
  pushedInWindow = 0;
  seenInWindow = 0;

  constructor(private readonly recorder: Recorder) {}

  made(id: string, team: number, author: number): void {
    this.notes.set(id, { team, author, pushedAt: null, seenByTeammate: false });
  }

  pushStarted(id: string, at: number): void {
    const note = this.notes.get(id);
    if (!note || note.pushedAt !== null) return;
    note.pushedAt = at;
    if (this.recorder.window.has(at)) this.pushedInWindow += 1;
  }

  /** A contact row reached a desktop. */
  seen(id: string, team: number, desktop: number, at: number): void {
    const note = this.notes.get(id);
    if (!note || note.pushedAt === null || note.team !== team || note.author === desktop) return;
    if (!this.recorder.window.has(note.pushedAt) || at >= this.recorder.window.end) return;
    this.recorder.noteSeen.push(at - note.pushedAt);
    if (!note.seenByTeammate) {
      note.seenByTeammate = true;
      this.seenInWindow += 1;
    }
  }
}

/**
 * Contacts the integration posted, and when a desktop first saw each offered
 * to its agent. A desktop can see the offer before the POST's answer arrives
 * (the hub announces it before it answers), so either side may come first.
 */
export class OfferTracker {
  private readonly posted = new Map<string, number>();
  private readonly firstSeen = new Map<string, number>();
  /** Contacts posted in the window, how many of them were seen offered before it closed, and how many the POST's answer already named an agent for. */
  postedInWindow = 0;
  seenInWindow = 0;
  offeredAtOnce = 0;

  constructor(private readonly recorder: Recorder) {}

  post(contactId: string, startedAt: number, offeredTo: string | null): void {
    this.posted.set(contactId, startedAt);
    if (this.recorder.window.has(startedAt)) {
      this.postedInWindow += 1;
      if (offeredTo !== null) this.offeredAtOnce += 1;
    }
    const seenAt = this.firstSeen.get(contactId);
    if (seenAt !== undefined) this.sample(startedAt, seenAt);
  }

  seen(contactId: string, at: number): void {
    if (this.firstSeen.has(contactId)) return;
    this.firstSeen.set(contactId, at);
    const startedAt = this.posted.get(contactId);
    if (startedAt !== undefined) this.sample(startedAt, at);
  }

  private sample(startedAt: number, seenAt: number): void {
    if (!this.recorder.window.has(startedAt) || seenAt >= this.recorder.window.end) return;
    this.recorder.offerSeen.push(seenAt - startedAt);
    this.seenInWindow += 1;
  }
}
