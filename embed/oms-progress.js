// oms-progress.js, the embed module: <oms-sync-progress> and mount(). The
// wasm is resolved relative to this module, so any path or CDN prefix
// works, and bundlers (Vite, webpack 5) emit it as an asset. Importers see
// `mount` only once the wasm is ready.
import { OmsSyncProgressElement, start } from './element.js';

export const wasmMemoryBytes = await start(new URL('./oms-progress_bg.wasm', import.meta.url), [
  ['oms-sync-progress', OmsSyncProgressElement],
]);
export { OmsSyncProgressElement, WidgetHandle, mount } from './element.js';
