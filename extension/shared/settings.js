// Caveat's settings: one object under the storage.sync key `settings`.
// A classic script shared by the content scripts, the popup and the options page (after
// shared/kinds.js); defines globalThis.CaveatSettings. Works with `browser.*` (Firefox) and `chrome.*`.
(() => {
  'use strict';
  if (globalThis.CaveatSettings) return;

  const STORAGE_KEY = 'settings';
  // The settings' shape. 2: attributions are no longer painted by default (kinds.attribution false);
  // settings saved by an older version, which stored every kind, take the new default for it.
  const SCHEMA = 2;
  const KINDS_NEW_IN_2 = ['attribution'];
  const Kinds = globalThis.CaveatKinds;
  const KINDS = Kinds.ORDER;
  const SENSITIVITIES = ['strict', 'balanced', 'lenient'];
  const MAX_WORDS = 200;
  const MAX_SITES = 500;

  const DEFAULTS = Object.freeze({
    schema: SCHEMA,
    enabled: true,
    autoRun: true,
    // Which kinds are painted: each kind's own default (shared/kinds.js).
    kinds: Object.freeze(Object.fromEntries(KINDS.map((kind) => [kind, Kinds.INFO[kind].painted]))),
    sensitivity: 'balanced',
    customHedges: Object.freeze([]),
    customSources: Object.freeze([]),
    sites: Object.freeze({ allow: Object.freeze([]), deny: Object.freeze([]) }),
  });

  function storageArea() {
    const api = globalThis.browser && globalThis.browser.storage ? globalThis.browser : globalThis.chrome;
    return api && api.storage && api.storage.sync ? api.storage.sync : null;
  }

  // A list of distinct, trimmed, non-empty strings; anything else is dropped.
  function cleanWords(value, max, normalise) {
    if (!Array.isArray(value)) return [];
    const out = [];
    for (const item of value) {
      if (typeof item !== 'string') continue;
      const word = normalise(item);
      if (word && !out.includes(word)) out.push(word);
      if (out.length >= max) break;
    }
    return out;
  }

  // "https://www.Example.com/path" or "example.com" → "example.com"; junk → "".
  function normaliseHost(value) {
    let text = String(value).trim().toLowerCase();
    if (!text) return '';
    if (text.includes('://')) {
      try {
        text = new URL(text).hostname;
      } catch {
        return '';
      }
    }
    text = text.replace(/\/.*$/, '').replace(/:\d+$/, '').replace(/^\*\./, '').replace(/^www\./, '');
    return /^[a-z0-9.-]+$/.test(text) && !text.startsWith('.') && !text.endsWith('.') ? text : '';
  }

  // Whatever is stored (possibly from an older version, possibly damaged) → a complete settings object.
  function normalise(raw) {
    const input = raw && typeof raw === 'object' ? raw : {};
    const kinds = {};
    const rawKinds = input.kinds && typeof input.kinds === 'object' ? input.kinds : {};
    const older = input.schema !== SCHEMA;
    for (const kind of KINDS) {
      const stored = typeof rawKinds[kind] === 'boolean' && !(older && KINDS_NEW_IN_2.includes(kind));
      kinds[kind] = stored ? rawKinds[kind] : DEFAULTS.kinds[kind];
    }
    const sites = input.sites && typeof input.sites === 'object' ? input.sites : {};
    return {
      schema: SCHEMA,
      enabled: typeof input.enabled === 'boolean' ? input.enabled : DEFAULTS.enabled,
      autoRun: typeof input.autoRun === 'boolean' ? input.autoRun : DEFAULTS.autoRun,
      kinds,
      sensitivity: SENSITIVITIES.includes(input.sensitivity) ? input.sensitivity : DEFAULTS.sensitivity,
      customHedges: cleanWords(input.customHedges, MAX_WORDS, (w) => w.trim().replace(/\s+/g, ' ')),
      customSources: cleanWords(input.customSources, MAX_WORDS, (w) => w.trim().replace(/\s+/g, ' ')),
      sites: {
        allow: cleanWords(sites.allow, MAX_SITES, normaliseHost),
        deny: cleanWords(sites.deny, MAX_SITES, normaliseHost),
      },
    };
  }

  async function load() {
    const area = storageArea();
    if (!area) return normalise(null);
    try {
      const stored = await area.get(STORAGE_KEY);
      return normalise(stored && stored[STORAGE_KEY]);
    } catch {
      return normalise(null);
    }
  }

  async function save(settings) {
    const clean = normalise(settings);
    const area = storageArea();
    if (!area) throw new Error('Caveat: storage is not available here');
    await area.set({ [STORAGE_KEY]: clean });
    return clean;
  }

  // Does `host` (a page's hostname) fall under `pattern` (a stored site: itself or a parent domain)?
  function hostMatches(host, pattern) {
    return host === pattern || host.endsWith('.' + pattern);
  }

  // What applies on one site: {enabled, autoRun, ...}. The deny list wins over the allow list;
  // a site on the allow list runs automatically even when auto-run is off.
  function forSite(settings, hostname) {
    const s = normalise(settings);
    const host = normaliseHost(hostname || '');
    const denied = !!host && s.sites.deny.some((p) => hostMatches(host, p));
    const allowed = !!host && s.sites.allow.some((p) => hostMatches(host, p));
    return {
      ...s,
      host,
      denied,
      allowed,
      enabled: s.enabled && !denied,
      autoRun: s.enabled && !denied && (s.autoRun || allowed),
    };
  }

  // The analyzer's Options (see src/answer/analyze.rs) for these settings.
  function analyzerOptions(settings) {
    const s = normalise(settings);
    return { sensitivity: s.sensitivity, custom_hedges: s.customHedges, custom_sources: s.customSources };
  }

  // A copy of `settings` with `hostname` on the deny list (off) or taken off it, parent domains included (on).
  function withSite(settings, hostname, on) {
    const s = normalise(settings);
    const host = normaliseHost(hostname || '');
    if (!host) return s;
    const deny = s.sites.deny.filter((p) => !hostMatches(host, p));
    if (!on) deny.push(host);
    return { ...s, sites: { allow: s.sites.allow, deny } };
  }

  globalThis.CaveatSettings = Object.freeze({
    STORAGE_KEY,
    KINDS,
    SENSITIVITIES,
    DEFAULTS,
    normalise,
    normaliseHost,
    load,
    save,
    forSite,
    withSite,
    analyzerOptions,
  });
})();
