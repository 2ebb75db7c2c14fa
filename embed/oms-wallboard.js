// oms-wallboard.js: the embed module with <oms-wallboard> too, a module of
// its own so that portals showing only widgets never download the wallboard.
import { OmsSyncProgressElement, start } from './element.js';
import { OmsWallboardElement } from './wallboard-element.js';

export const wasmMemoryBytes = await start(new URL('./oms-wallboard_bg.wasm', import.meta.url), [
  ['oms-sync-progress', OmsSyncProgressElement],
  ['oms-wallboard', OmsWallboardElement],
]);
export { OmsSyncProgressElement, WidgetHandle, mount } from './element.js';
export { OmsWallboardElement };
