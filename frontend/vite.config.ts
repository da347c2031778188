import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [sveltekit()],
  server: { proxy: { '/api': `http://localhost:${process.env.BACKEND_PORT ?? 3000}` } },
  test: {
    include: ['src/**/*.spec.ts'],
    environment: 'jsdom',
  },
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
});
