// Types of the oms-wallboard module (`oms-progress/wallboard`): everything
// the oms-progress module has (it registers <oms-sync-progress> and exports
// mount() too), and the <oms-wallboard> element. `tests/typescript.rs`
// checks the filters and groups against the Rust tables.
export * from './oms-progress.js';
import type { MountOptions, OmsSyncProgressAttributes, OmsWallGroup } from './oms-progress.js';

/**
 * `<oms-wallboard>`'s attributes: the widget's (but `project-id`: the list
 * names the projects; `api` defaults to, and must be, `v4`) and the filters.
 */
export interface OmsWallboardAttributes extends Omit<OmsSyncProgressAttributes, 'project-id'> {
  /** `sync` or `migration`: only projects of that type (OMS filters). */
  type?: string;
  /** OMS statuses, comma-separated, e.g. `FAILED,SUSPEND` (OMS filters). */
  status?: string;
  /** Labels, comma-separated: projects carrying any of them. */
  label?: string;
  /** Part of a project's name or id (OMS searches). */
  search?: string;
  /** The group shown first; the summary strip changes it. */
  group?: OmsWallGroup;
  /** With several sources (`oms`): the one shown first, by name; the source strip changes it. */
  source?: string;
}

/**
 * `<oms-wallboard>`: every project of one or more OMS 4.x (`oms`) from their
 * `ListProjects` pages, most urgent first wherever it runs, in an open
 * shadow root. Its events are the widget's, each with its `source`:
 * `oms-status-change` for each project whose status a list shows changed
 * (every project, from `null`, on the first list), `oms-error` when a list
 * fails (`projectId` is then `''`), `oms-attention-change`, and an opened
 * card's `oms-progress-update`, `oms-health-change`, `oms-cutover-change`
 * and `oms-error`.
 */
export declare class OmsWallboardElement extends HTMLElement {
  static readonly observedAttributes: string[];
  /** Polls the list at once. */
  refresh(): void;
  /** Whether requests carry cookies; set from code, never markup. */
  credentials: MountOptions['credentials'] | undefined;
  /** Called before every request for extra headers; set from code, never markup. */
  headers: MountOptions['headers'] | undefined;
}

declare global {
  interface HTMLElementTagNameMap {
    'oms-wallboard': OmsWallboardElement;
  }
}
