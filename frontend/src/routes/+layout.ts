// A single-page app served by the backend: pages render in the browser only.
export const ssr = false;
export const prerender = false;
