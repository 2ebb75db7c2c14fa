// ---- oms-progress embed start (appended to wasm-bindgen's module by scripts/build-embed.sh).
// Loads the wasm (resolved relative to this module, so any path or CDN prefix
// works), then defines <oms-sync-progress>. Importers see `mount` only once
// the wasm is ready.
await __wbg_init();

/**
 * What the elements share: a live view in an open shadow root, options from
 * the attributes and the `credentials` / `headers` properties. A subclass
 * names its attributes and how it attaches (`static attachTo`).
 */
class OmsElement extends HTMLElement {
  #handle = null;
  #credentials = undefined;
  #headers = undefined;
  #syncQueued = false;

  connectedCallback() {
    if (!this.#handle) this.#handle = this.constructor.attachTo(this);
  }

  disconnectedCallback() {
    // Stops polling, aborts the request, frees timers and listeners.
    this.#handle?.unmount();
    this.#handle?.free();
    this.#handle = null;
  }

  attributeChangedCallback() {
    this.#queueSync();
  }

  /** Polls at once. */
  refresh() {
    this.#handle?.refresh();
  }

  /** `same-origin` (default), `include` or `omit`: set from code, never markup. */
  get credentials() { return this.#credentials; }
  set credentials(mode) { this.#credentials = mode; this.#queueSync(); }

  /** A function returning extra request headers, called before every request. */
  get headers() { return this.#headers; }
  set headers(getter) { this.#headers = getter; this.#queueSync(); }

  // Several attributes set in one go restart polling once, not once each.
  #queueSync() {
    if (this.#syncQueued || !this.#handle) return;
    this.#syncQueued = true;
    queueMicrotask(() => {
      this.#syncQueued = false;
      this.#handle?.syncElement();
    });
  }
}

/** <oms-sync-progress project-id="…">: one live widget in an open shadow root. */
class OmsSyncProgressElement extends OmsElement {
  static observedAttributes = elementAttributes();
  static attachTo = attachElement;
}

if (!customElements.get('oms-sync-progress')) {
  customElements.define('oms-sync-progress', OmsSyncProgressElement);
}
/** Bytes of wasm memory now: for leak checks and the benchmarks. */
const wasmMemoryBytes = () => wasm.memory.buffer.byteLength;

export { OmsSyncProgressElement, wasmMemoryBytes };
// ---- oms-progress embed end.
