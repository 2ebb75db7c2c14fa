// The JS half of the embed: the elements, the handle `mount()` returns, and
// `start()`, which loads the wasm and defines the elements. The Rust half
// (src/embed/) comes through wasm-bindgen's module, which the build
// (scripts/build-embed.sh) bundles in under the name `oms-progress-glue`.
import init, {
  attachElement,
  elementAttributes,
  mountWidget,
  refreshWidget,
  syncElement,
  unmountWidget,
  updateWidget,
} from 'oms-progress-glue';

/**
 * What the elements share: a live view in an open shadow root, options from
 * the attributes and the `credentials` / `headers` properties. A subclass
 * names its attributes and how it attaches (`static attachTo`).
 */
export class OmsElement extends HTMLElement {
  /** The widget's id in the wasm; 0: none mounted. */
  #id = 0;
  #credentials = undefined;
  #headers = undefined;
  #syncQueued = false;

  connectedCallback() {
    if (!this.#id) this.#id = this.constructor.attachTo(this);
  }

  disconnectedCallback() {
    // Stops polling, aborts the request, frees timers and listeners.
    if (this.#id) unmountWidget(this.#id);
    this.#id = 0;
  }

  attributeChangedCallback() {
    this.#queueSync();
  }

  /** Polls at once. */
  refresh() {
    if (this.#id) refreshWidget(this.#id);
  }

  /** `same-origin` (default), `include` or `omit`: set from code, never markup. */
  get credentials() { return this.#credentials; }
  set credentials(mode) { this.#credentials = mode; this.#queueSync(); }

  /** A function returning extra request headers, called before every request. */
  get headers() { return this.#headers; }
  set headers(getter) { this.#headers = getter; this.#queueSync(); }

  // Several attributes set in one go restart polling once, not once each.
  #queueSync() {
    if (this.#syncQueued || !this.#id) return;
    this.#syncQueued = true;
    queueMicrotask(() => {
      this.#syncQueued = false;
      if (this.#id) syncElement(this.#id);
    });
  }
}

/** <oms-sync-progress project-id="…">: one live widget in an open shadow root. */
export class OmsSyncProgressElement extends OmsElement {
  // A getter: read by customElements.define(), once the wasm is loaded.
  static get observedAttributes() { return elementAttributes().split(' '); }
  static attachTo = attachElement;
}

/**
 * A mounted widget: what `mount()` returns. Only `unmount()` ends it; a
 * handle you drop leaves the widget running. (A JS class around the
 * widget's id: wasm-bindgen's class for it cost about 1 KB more wasm.)
 */
export class WidgetHandle {
  #id;

  constructor(id) {
    this.#id = id;
  }

  /** Replaces every option; throws, keeping the widget as it was, when one is wrong. */
  update(options) {
    updateWidget(this.#id, options);
  }

  /** Polls at once (also resumes polling stopped by an auth error). */
  refresh() {
    refreshWidget(this.#id);
  }

  /** Stops polling, aborts the request in flight, frees timers and listeners and removes the widget. Again: nothing. */
  unmount() {
    unmountWidget(this.#id);
  }

  /** Nothing to free: the handle holds no wasm memory (kept for code that calls it). */
  free() {}
}

/**
 * Mounts a widget into `element` (inside an open shadow root it creates)
 * and returns its handle; throws, touching nothing, when an option is wrong.
 */
export function mount(element, options) {
  return new WidgetHandle(mountWidget(element, options));
}

/**
 * Loads the wasm at `wasmUrl`, then defines each `[name, element]` not yet
 * defined (a page may load the module twice). Returns a function telling
 * the bytes of wasm memory now, for leak checks and the benchmarks.
 */
export async function start(wasmUrl, elements) {
  const wasm = await init({ module_or_path: wasmUrl });
  for (const [name, element] of elements) {
    if (!customElements.get(name)) customElements.define(name, element);
  }
  return () => wasm.memory.buffer.byteLength;
}
