// Loaded before every test file (vitest.config.ts). Testing Library's findBy*/waitFor give up after 1 s
// by default: a wall-clock verdict that a busy machine (npm run test:busy, load 30) crosses while React
// renders. They wait up to 15 s instead; a passing test still returns as soon as its element is there.
import { configure } from '@testing-library/dom';

configure({ asyncUtilTimeout: 15_000 });
