// ---- oms-wallboard (appended after element.js in oms-wallboard.js only).

/** <oms-wallboard>: every project of an OMS 4.x, most urgent first. */
class OmsWallboardElement extends OmsElement {
  static observedAttributes = wallboardAttributes().split(' ');
  static attachTo = attachWallboard;
}

if (!customElements.get('oms-wallboard')) {
  customElements.define('oms-wallboard', OmsWallboardElement);
}

export { OmsWallboardElement };
