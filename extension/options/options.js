// The options page: edits the one settings object in storage.sync. Every change is saved
// at once (text boxes after a pause); open tabs pick it up through storage.onChanged.
(() => {
  'use strict';
  const Settings = globalThis.CaveatSettings;
  const Kinds = globalThis.CaveatKinds;
  const $ = (id) => document.getElementById(id);
  const TYPING_PAUSE_MS = 500;
  const LISTS = {
    customHedges: { get: (s) => s.customHedges, set: (s, v) => ({ ...s, customHedges: v }) },
    customSources: { get: (s) => s.customSources, set: (s, v) => ({ ...s, customSources: v }) },
    allow: { get: (s) => s.sites.allow, set: (s, v) => ({ ...s, sites: { ...s.sites, allow: v } }) },
    deny: { get: (s) => s.sites.deny, set: (s, v) => ({ ...s, sites: { ...s.sites, deny: v } }) },
  };

  let settings = Settings.normalise(null);
  let savedTimer = 0;

  function lines(text) {
    return text.split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  }

  async function save(next) {
    try {
      settings = await Settings.save(next);
      $('saved').textContent = 'Saved';
    } catch (e) {
      $('saved').textContent = 'Could not save: ' + (e && e.message ? e.message : e);
    }
    clearTimeout(savedTimer);
    savedTimer = setTimeout(() => { $('saved').textContent = ''; }, 2000);
  }

  function buildKinds() {
    const box = $('kinds');
    for (const kind of Settings.KINDS) {
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.setAttribute('role', 'switch');
      input.id = 'kind-' + kind;
      input.dataset.kind = kind;
      input.dataset.caveatTestid = 'kind-' + kind;
      input.addEventListener('change', () => save({ ...settings, kinds: { ...settings.kinds, [kind]: input.checked } }));
      const text = document.createElement('span');
      text.className = 'text';
      const label = document.createElement('span');
      label.className = 'label';
      label.textContent = Kinds.INFO[kind].label;
      const hint = document.createElement('span');
      hint.className = 'hint';
      hint.textContent = Kinds.INFO[kind].blurb;
      text.append(label, hint);
      const sw = document.createElement('span');
      sw.className = 'switch';
      sw.setAttribute('aria-hidden', 'true');
      const row = document.createElement('label');
      row.className = 'kind';
      row.append(Kinds.swatch(kind), text, input, sw);
      box.append(row);
    }
  }

  function fill() {
    $('enabled').checked = settings.enabled;
    for (const radio of document.querySelectorAll('input[name=autoRun]')) radio.checked = (radio.value === 'auto') === settings.autoRun;
    for (const radio of document.querySelectorAll('input[name=sensitivity]')) radio.checked = radio.value === settings.sensitivity;
    for (const kind of Settings.KINDS) $('kind-' + kind).checked = settings.kinds[kind];
    for (const [id, list] of Object.entries(LISTS)) {
      // Leave a box alone while the reader is typing in it.
      if (document.activeElement !== $(id)) $(id).value = list.get(settings).join('\n');
    }
  }

  // Site entries that were dropped or rewritten when saved, so the reader knows why.
  function explainSites(typed) {
    const notes = [];
    for (const line of typed) {
      const host = Settings.normaliseHost(line);
      if (!host) notes.push(`“${line}” is not a site name and was left out.`);
      else if (host !== line.toLowerCase()) notes.push(`“${line}” is saved as ${host}.`);
    }
    $('sites-note').textContent = notes.slice(0, 3).join(' ');
  }

  function wire() {
    $('enabled').addEventListener('change', (e) => save({ ...settings, enabled: e.target.checked }));
    for (const radio of document.querySelectorAll('input[name=autoRun]')) {
      radio.addEventListener('change', () => save({ ...settings, autoRun: radio.value === 'auto' }));
    }
    for (const radio of document.querySelectorAll('input[name=sensitivity]')) {
      radio.addEventListener('change', () => save({ ...settings, sensitivity: radio.value }));
    }
    for (const [id, list] of Object.entries(LISTS)) {
      const box = $(id);
      let timer = 0;
      const commit = async () => {
        clearTimeout(timer);
        const typed = lines(box.value);
        if (id === 'allow' || id === 'deny') explainSites(typed);
        await save(list.set(settings, typed));
      };
      box.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(commit, TYPING_PAUSE_MS);
      });
      box.addEventListener('change', async () => {
        await commit();
        box.value = list.get(settings).join('\n');
      });
    }
    $('forget-dismissed').addEventListener('click', async () => {
      await globalThis.CaveatDismissals.forgetAll();
      $('forget-note').textContent = 'Forgotten.';
    });
    $('reset').addEventListener('click', async () => {
      await save(Settings.normalise(null));
      $('sites-note').textContent = '';
      // The form refills from storage.onChanged.
    });
  }

  (async () => {
    buildKinds();
    settings = await Settings.load();
    fill();
    wire();
    // Another window (or the popup) may change the settings meanwhile.
    const api = globalThis.browser ?? globalThis.chrome;
    if (api && api.storage && api.storage.onChanged) {
      api.storage.onChanged.addListener((changes, area) => {
        if (area === 'sync' && changes[Settings.STORAGE_KEY]) {
          settings = Settings.normalise(changes[Settings.STORAGE_KEY].newValue);
          fill();
        }
      });
    }
  })();
})();
