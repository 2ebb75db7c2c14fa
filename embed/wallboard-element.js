import { attachWallboard, wallboardAttributes } from 'oms-progress-glue';
import { OmsElement } from './element.js';

/** <oms-wallboard>: every project of an OMS 4.x, most urgent first. */
export class OmsWallboardElement extends OmsElement {
  // A getter: read by customElements.define(), once the wasm is loaded.
  static get observedAttributes() { return wallboardAttributes().split(' '); }
  static attachTo = attachWallboard;
}
