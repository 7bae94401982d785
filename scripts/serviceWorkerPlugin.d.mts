import type { Plugin } from 'vite';
export declare function precacheManifest(outDir: string): { version: string; files: string[] };
export declare function serviceWorkerPlugin(): Plugin;
