// Plain tsc does not read .vue files (vue-tsc does); this lets main.ts import one.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<{ projectId: string }>;
  export default component;
}
