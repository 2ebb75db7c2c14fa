// Template typings for Vue 3 (vue-tsc / Volar): `<oms-sync-progress
// :project-id="…" @oms-status-change="…">` type-checks. Bring them in once,
// from any file of the app: `import type {} from 'oms-progress/vue';`
// At run time Vue must treat the tag as a custom element:
// `compilerOptions.isCustomElement = (tag) => tag === 'oms-sync-progress'`.
import type { DefineComponent } from 'vue';
import type { OmsEventMap, OmsSyncProgressAttributes } from 'oms-progress';

type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** Vue reads `project-id` as `projectId` and `@oms-status-change` as `onOmsStatusChange`. */
export type OmsSyncProgressVueProps = {
  [Name in keyof OmsSyncProgressAttributes as CamelCase<Name & string>]: OmsSyncProgressAttributes[Name];
} & {
  [Name in keyof OmsEventMap as `on${Capitalize<CamelCase<Name & string>>}`]?: (event: OmsEventMap[Name]) => void;
};

declare module 'vue' {
  interface GlobalComponents {
    'oms-sync-progress': DefineComponent<OmsSyncProgressVueProps>;
  }
}
