import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'oms-sync-progress' } } }),
  ],
  // The dev server's dependency pre-bundling would move the module away from its wasm.
  optimizeDeps: { exclude: ['oms-progress'] },
});
