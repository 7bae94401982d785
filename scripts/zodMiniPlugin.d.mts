import type { Plugin } from 'vite';
export declare function zodMiniPlugin(): Plugin;
