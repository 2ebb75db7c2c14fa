// JSX typings for React 19 (`react-jsx`): `<oms-sync-progress project-id="…">`
// and its event props type-check. Bring them in once, from any file of the
// app: `import type {} from 'oms-progress/react';`
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { OmsEventMap, OmsSyncProgressAttributes, OmsSyncProgressElement } from 'oms-progress';

/** React 19 adds a listener for a custom element's `on<event-name>` function prop. */
type OmsEventProps = {
  [Name in keyof OmsEventMap as `on${Name}`]?: (event: OmsEventMap[Name]) => void;
};

export type OmsSyncProgressProps = DetailedHTMLProps<HTMLAttributes<OmsSyncProgressElement>, OmsSyncProgressElement> &
  OmsSyncProgressAttributes &
  OmsEventProps;

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements {
      'oms-sync-progress': OmsSyncProgressProps;
    }
  }
}
