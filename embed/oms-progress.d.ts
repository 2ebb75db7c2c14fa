// Types of the oms-progress module: mount(), its options, the handle, the
// <oms-sync-progress> element and its four DOM events. The blocks between
// `generated:` markers are written from the Rust tables (the option table,
// OMS's statuses, the error kinds) by `tests/typescript.rs`, which fails
// when they drift; `OMS_UPDATE_TYPES=1 cargo test --test typescript`
// rewrites them.

// <generated:options>
/** `mount()`'s and `update()`'s options: the option table's `mount()` names. `null` and `undefined` count as not given. */
export interface MountOptions {
  /**
   * The project to show; the page takes several, comma-separated (repeatable), each optionally prefixed `sync:`, `migration:` or `v4:` to choose its API.
   *
   * Takes an OMS project id. Required.
   */
  projectId: string;
  /**
   * Which API: OMS 3.x's `GET /api/omsp/v2/sync/{id}/progress` or `…/migrations/{id}/progress`, or OMS 4.x's `POST /api/v2?Action=DescribeProjectProgress` (any project); a 404 from OMS says to try another.
   *
   * Takes `sync`, `migration` or `v4`.
   * @defaultValue `sync`
   */
  api?: 'sync' | 'migration' | 'v4' | null;
  /**
   * Prefix for the API requests (not from the page's URL: a link must not send the page's requests elsewhere).
   *
   * Takes a path, or an http(s) URL without credentials.
   * @defaultValue the page's origin
   */
  baseUrl?: string | null;
  /**
   * Time between polls while all is well.
   *
   * Takes seconds, 1–86400.
   * @defaultValue `5`
   */
  interval?: Seconds | null;
  /**
   * A request is aborted after this (checked four times a second).
   *
   * Takes seconds, 1–86400.
   * @defaultValue `10`
   */
  timeout?: Seconds | null;
  /**
   * Longest wait between retries after failures.
   *
   * Takes seconds, 1–86400, at least the interval.
   * @defaultValue `60` (or the interval, if longer)
   */
  maxBackoff?: Seconds | null;
  /**
   * A lag above this is "behind".
   *
   * Takes seconds, 0–86400, at most the critical lag.
   * @defaultValue `25`
   */
  lagWarn?: Seconds | null;
  /**
   * A lag above this is "far behind".
   *
   * Takes seconds, 0–86400.
   * @defaultValue `300`
   */
  lagCritical?: Seconds | null;
  /**
   * Switch-over readiness: the most forward lag that allows switching over.
   *
   * Takes seconds, 0–86400.
   * @defaultValue the warning lag (`lag-warn`)
   */
  cutoverLag?: Seconds | null;
  /**
   * Switch-over readiness: how long the lag must have stayed within `cutover-lag`, from OMS's history and this browser's samples (at most an hour: the chart's shortest range of OMS's history).
   *
   * Takes seconds, 60–3600.
   * @defaultValue `300`
   */
  cutoverHold?: Seconds | null;
  /**
   * A RUNNING project whose checkpoint (or full-data progress, after 10 min) has not moved for this long is marked stuck.
   *
   * Takes seconds, 30–86400.
   * @defaultValue `60` (and two polls at least)
   */
  stuckAfter?: Seconds | null;
  /**
   * Zone of the times shown (checkpoint, steps, stuck and recovered notes); UTC stays in their tooltips and `datetime`.
   *
   * Takes an IANA zone name (`Asia/Shanghai`) or `UTC`.
   * @defaultValue the browser's zone
   */
  timeZone?: string | null;
  /**
   * Language of every label.
   *
   * Takes `en` or `zh-CN` (any `en-…` or `zh-…` tag).
   * @defaultValue the browser's language
   */
  lang?: 'en' | 'zh-CN' | `en-${string}` | `zh-${string}` | null;
  /**
   * Fewer lines: status, bars and lag only.
   *
   * Takes on: present, empty, `true` or `1`; off: `false` or `0`.
   * @defaultValue off
   */
  compact?: boolean | '' | 'true' | '1' | 'false' | '0' | null;
  /**
   * Turns the project's name into a link to it in OMS's console, opened in a new tab (not from the page's URL: a link must not send the operator elsewhere).
   *
   * Takes a path or an http(s) URL with `{id}`, e.g. `https://oms.example/#/project/{id}`; or one per source: `bj:https://oms-bj.example/#/project/{id},hz:…`.
   * @defaultValue none: names stay text
   */
  consoleUrl?: string | null;
  /**
   * The OMS deployments to read, each with a short name shown on its cards and in events; a wallboard reads them all, a widget one (instead of `base-url`), and the page's `project=bj:np_1` picks a project's.
   *
   * Takes `name:url`, comma-separated, e.g. `bj:/oms-bj,hz:/oms-hz` (in the page's URL: paths only).
   * @defaultValue one OMS, at `base-url`, unnamed
   */
  oms?: string | null;
  /**
   * Whether requests carry cookies (set from code only, never markup).
   *
   * Takes `same-origin`, `include` or `omit`.
   * @defaultValue `same-origin`
   */
  credentials?: 'same-origin' | 'include' | 'omit' | null;
  /**
   * Extra request headers, asked for before every request; values are never logged or shown.
   *
   * Takes a function returning an object of header names to strings.
   * @defaultValue none
   */
  headers?: (() => Record<string, string>) | null;
}

/** The element's attributes: the option table's attribute names. Every value is a string, as in markup. */
export interface OmsSyncProgressAttributes {
  'project-id': string;
  api?: string;
  'base-url'?: string;
  interval?: string | number;
  timeout?: string | number;
  'max-backoff'?: string | number;
  'lag-warn'?: string | number;
  'lag-critical'?: string | number;
  'cutover-lag'?: string | number;
  'cutover-hold'?: string | number;
  'stuck-after'?: string | number;
  'time-zone'?: string;
  lang?: string;
  compact?: string | boolean;
  'console-url'?: string;
  oms?: string;
}

/** OMS's documented statuses; any other text arrives exactly as OMS sent it. */
export type OmsStatus =
  | 'INIT'
  | 'RUNNING'
  | 'RUNNING_MODIFYING'
  | 'RUNNING_MERGING'
  | 'RUNNING_ALARMING'
  | 'SUSPEND'
  | 'FAILED'
  | 'FINISHED'
  | 'RELEASING'
  | 'RELEASED'
  | 'DELETED'
  | (string & {});

/** What kind of failure a poll met: `data-error` on the widget, `kind` in `oms-error`. */
export type OmsErrorKind =
  | 'timeout'
  | 'network'
  | 'cors'
  | 'unreachable'
  | 'proxy'
  | 'not-oms'
  | 'refused'
  | 'wrong-api'
  | 'headers'
  | 'auth'
  | 'http'
  | 'not-found'
  | 'temporary'
  | 'oms'
  | 'invalid'
  | 'config';
// </generated:options>

/** A number of seconds, or the same as a numeric string (`"5"`), as attributes give it. */
export type Seconds = number | `${number}`;

/** A mounted widget. Only `unmount()` ends it: a handle you drop leaves the widget running. */
export declare class WidgetHandle {
  private constructor();
  /** Replaces every option; a new project or endpoint restarts polling. Throws, keeping the widget as it was, when an option is wrong. */
  update(options: MountOptions): void;
  /** Polls at once (also resumes polling stopped by an auth error). */
  refresh(): void;
  /** Stops polling, aborts the request in flight, frees timers and listeners and removes the widget. Calling it again does nothing. */
  unmount(): void;
  /** Does nothing: the handle holds no wasm memory of its own (kept for code written when it did). */
  free(): void;
}

/**
 * Mounts a widget into `element` (inside an open shadow root it creates)
 * and returns its handle. Throws one `Error` naming every problem, touching
 * nothing, when an option is wrong or the element already shows a widget.
 */
export declare function mount(element: HTMLElement, options: MountOptions): WidgetHandle;

/** `<oms-sync-progress>`: one live widget in an open shadow root; attributes as in {@link OmsSyncProgressAttributes}. */
export declare class OmsSyncProgressElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Polls at once. */
  refresh(): void;
  /** Whether requests carry cookies; set from code, never markup. */
  credentials: MountOptions['credentials'] | undefined;
  /** Called before every request for extra headers; set from code, never markup. */
  headers: MountOptions['headers'] | undefined;
}

/** Bytes of wasm memory now (one instance serves every widget of the page): for leak checks. */
export declare function wasmMemoryBytes(): number;

/** Fields every event's `detail` has. */
export interface OmsEventDetailBase {
  /** The project polled, whether the widget came from attributes or `mount()`. */
  projectId: string;
  /** The name of its OMS (the `oms` option's), or `null` for one unnamed OMS. */
  source: string | null;
}

/** `oms-progress-update`: every poll that brought data. `null` where OMS sent nothing. */
export interface OmsProgressUpdateDetail extends OmsEventDetailBase {
  status: OmsStatus | null;
  importance: string | null;
  currentStep: string | null;
  enableStructSync: boolean | null;
  enableFullSync: boolean | null;
  enableIncrSync: boolean | null;
  enableReverseIncrSync: boolean | null;
  /** 0–100, whichever field name OMS used. */
  structProgress: number | null;
  /** 0–100, whichever field name OMS used. */
  fullProgress: number | null;
  /** As OMS sent it: epoch seconds or milliseconds, or text. */
  incrSyncCheckpoint: string | null;
  reverseIncrSyncCheckpoint: string | null;
}

/** `oms-status-change`: the status differs from the previous one (and on the first data). */
export interface OmsStatusChangeDetail extends OmsEventDetailBase {
  /** `null` the first time. */
  from: OmsStatus | null;
  to: OmsStatus;
}

/** `oms-error`: every failed poll. */
export interface OmsErrorDetail extends OmsEventDetailBase {
  kind: OmsErrorKind;
  /** OMS's error code, when it sent one. */
  code: string | null;
  message: string;
  /** OMS's advice, when it sent some. */
  advice: string | null;
  httpStatus: number | null;
  /** OMS's request id, when sent. */
  requestId: string | null;
}

/** `oms-health-change`: what the last 30 minutes say changed (the trend, the stuck mark, a recovery); see the README's "Over time". */
export interface OmsHealthChangeDetail extends OmsEventDetailBase {
  /** `null` until there are enough samples (a minute, six polls) and while not running. */
  trend: 'catching-up' | 'falling-behind' | 'steady' | null;
  /** What has not moved while RUNNING, or `null`. */
  stuck: 'checkpoint' | 'full-progress' | null;
  /** When the stuck value was first seen (ms since the epoch, OMS's clock). */
  stuckSince: number | null;
  /** When a brief FAILED spell ended in RUNNING again (ms since the epoch). */
  recoveredAt: number | null;
}

/** Switch-over readiness's verdict (`data-cutover`). */
export type OmsCutoverVerdict = 'ready' | 'not-ready' | 'switching' | 'switched';

/** How a readiness check stands (`data-ok`): holds, fails, or cannot be told. */
export type OmsCheckState = 'true' | 'false' | 'unknown';

/** Readiness's checks (`data-check`), in the card's order. */
export type OmsCutoverCheck = 'full' | 'verify' | 'lag' | 'lag-held' | 'healthy' | 'reverse';

/**
 * `oms-cutover-change`: switch-over readiness's verdict changed (and its
 * first verdict), for an OMS 4.x project whose plan has a switch-over step.
 */
export interface OmsCutoverChangeDetail extends OmsEventDetailBase {
  /** `null` the first time. */
  from: OmsCutoverVerdict | null;
  to: OmsCutoverVerdict;
  /** While not ready, the first check that keeps it so (failing before unknown); else `null`. */
  blocking: OmsCutoverCheck | null;
  /** The verdict's line, as the card shows it, in the widget's language. */
  line: string;
  /** Each check's state. */
  checks: OmsCutoverChecks;
}

/** Readiness's checks by name (`lagHeld` is `lag-held`); `reverse` is advisory and never blocks. */
export interface OmsCutoverChecks {
  full: OmsCheckState;
  verify: OmsCheckState;
  lag: OmsCheckState;
  lagHeld: OmsCheckState;
  healthy: OmsCheckState;
  reverse: OmsCheckState;
}

/** The wallboard's groups, most urgent first (the summary strip's buttons, `group`). */
export type OmsWallGroup =
  | 'failed'
  | 'far-behind'
  | 'behind'
  | 'alarming'
  | 'unknown'
  | 'paused'
  | 'not-started'
  | 'running'
  | 'finished'
  | 'released';

/** A project's state for alerts: a wallboard group, `stuck`, or `ready` (to switch over: a widget's own readiness). */
export type OmsAttention = OmsWallGroup | 'stuck' | 'ready';

/**
 * `oms-attention-change`: a project's state changed (never its state when
 * first seen, nor from stale data), for a portal that routes alerts its
 * own way. On a widget and on a wallboard (each project of its lists, and
 * an opened card's stuck mark).
 */
export interface OmsAttentionChangeDetail extends OmsEventDetailBase {
  /** The project's name (its id when OMS gave none). */
  title: string;
  from: OmsAttention;
  to: OmsAttention;
}

/** The six events, by name. They bubble and are `composed`. */
export interface OmsEventMap {
  'oms-cutover-change': CustomEvent<OmsCutoverChangeDetail>;
  'oms-attention-change': CustomEvent<OmsAttentionChangeDetail>;
  'oms-progress-update': CustomEvent<OmsProgressUpdateDetail>;
  'oms-status-change': CustomEvent<OmsStatusChangeDetail>;
  'oms-error': CustomEvent<OmsErrorDetail>;
  'oms-health-change': CustomEvent<OmsHealthChangeDetail>;
}

declare global {
  interface HTMLElementTagNameMap {
    'oms-sync-progress': OmsSyncProgressElement;
  }
  // The events bubble out of any element and are heard on the document and window.
  interface HTMLElementEventMap extends OmsEventMap {}
  interface DocumentEventMap extends OmsEventMap {}
  interface WindowEventMap extends OmsEventMap {}
}
