import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

// Where `vite dev` forwards the OMS API: oms-sim by default, or OMS_API.
const omsApi = process.env.OMS_API ?? 'http://127.0.0.1:8089';

export default defineConfig({
  plugins: [
    vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'oms-sync-progress' } } }),
  ],
  server: {
    // The widget asks its own origin; the dev server adds OMS's credentials.
    proxy: {
      '/api/': { target: omsApi, headers: { Authorization: `Basic ${btoa('oms:oms-sim')}` } },
    },
  },
});
