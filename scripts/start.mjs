#!/usr/bin/env node
// `npm start`: the dev server, opening a browser tab only where one can be opened; on a machine without a
// display it prints the address instead of failing with an xdg-open stack trace.
import { createServer } from 'vite';
import { canOpenBrowser } from './canOpenBrowser.mjs';

const open = canOpenBrowser();
const server = await createServer({ server: { open } });
await server.listen();
server.printUrls();
if (!open) server.config.logger.info('  No desktop browser to open here: open the address above yourself.');
server.bindCLIShortcuts({ print: true });
