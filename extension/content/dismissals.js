// The findings a reader dismissed ("Not a problem here"), remembered per page in
// storage.local so they stay dismissed when the article is opened again. Only hashes are
// stored, of the page's address and of each finding's key (kind, cue, sentence): what was
// read stays unreadable in storage. The most recently used MAX_PAGES pages are kept; the
// options page forgets them all. A classic script; defines globalThis.CaveatDismissals.
(() => {
  'use strict';
  if (globalThis.CaveatDismissals) return;

  const api = globalThis.browser ?? globalThis.chrome;
  const STORAGE_KEY = 'dismissed';
  const MAX_PAGES = 500;
  const MAX_PER_PAGE = 500;

  // FNV-1a over UTF-16 code units, twice with different seeds: 16 hex digits.
  function hash(text) {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ 0x5bd1e995;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
    }
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }

  function area() {
    return api && api.storage && api.storage.local ? api.storage.local : null;
  }

  async function readAll() {
    const store = area();
    if (!store) return {};
    try {
      const all = (await store.get(STORAGE_KEY))[STORAGE_KEY];
      return all && typeof all === 'object' && !Array.isArray(all) ? all : {};
    } catch {
      return {};
    }
  }

  // The hashed keys dismissed on `page` (its address without the #fragment).
  async function load(page) {
    const entry = (await readAll())[hash(page)];
    return new Set(entry && Array.isArray(entry.keys) ? entry.keys.filter((k) => typeof k === 'string') : []);
  }

  // Writes one after another: two quick changes (dismiss, then undo) each read, change and write the
  // whole map, so the second must read what the first wrote.
  let writing = Promise.resolve();

  // Remembers `keys` (finding keys, not hashed) as the dismissals on `page`; none forgets it.
  function save(page, keys) {
    writing = writing.then(() => write(page, keys));
    return writing;
  }

  async function write(page, keys) {
    const store = area();
    if (!store) return;
    const all = await readAll();
    const id = hash(page);
    if (keys.length) all[id] = { keys: keys.slice(0, MAX_PER_PAGE).map(hash), at: Date.now() };
    else delete all[id];
    const pages = Object.keys(all);
    if (pages.length > MAX_PAGES) {
      pages.sort((x, y) => (all[x].at || 0) - (all[y].at || 0));
      for (const old of pages.slice(0, pages.length - MAX_PAGES)) delete all[old];
    }
    try {
      await store.set({ [STORAGE_KEY]: all });
    } catch (e) {
      console.warn('Caveat: could not remember the dismissed findings:', e && e.message ? e.message : e);
    }
  }

  async function forgetAll() {
    const store = area();
    if (store) await store.remove(STORAGE_KEY);
  }

  globalThis.CaveatDismissals = { hash, load, save, forgetAll };
})();
