// zod/mini gets a copy of zod's core of its own in the build. Sharing one copy with the full zod that
// the lazy chunks (course, classroom, scenarios) import would put into the first paint all the core that
// full zod needs: the bundler keeps a module whole in one chunk. The copy costs the lazy chunks a few KiB
// once; zod is made for two copies (its config and registry live on globalThis, instanceof checks traits).
const TAG = '?zod-mini';
const IN_ZOD = /[\\/]node_modules[\\/]zod[\\/]/;

export function zodMiniPlugin() {
  return {
    name: 'lambda-lab:zod-mini-copy',
    apply: 'build',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      const inCopy = importer?.endsWith(TAG) === true;
      if (source !== 'zod/mini' && !inCopy) return null;
      const from = inCopy ? importer.slice(0, -TAG.length) : importer;
      const resolved = await this.resolve(source, from, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !IN_ZOD.test(resolved.id)) return resolved;
      return { ...resolved, id: `${resolved.id}${TAG}` };
    },
  };
}
