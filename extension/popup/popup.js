// The toolbar popup: this page's counts, on/off for this site, "Run on this page".
// It talks to the tab's content script (Messages.STATUS / RUN) and saves site
// choices through CaveatSettings; the content script applies them on storage.onChanged.
(() => {
  'use strict';
  const api = globalThis.browser ?? globalThis.chrome;
  const Settings = globalThis.CaveatSettings;
  const Kinds = globalThis.CaveatKinds;
  const Messages = globalThis.CaveatMessages;
  const $ = (id) => document.getElementById(id);

  let tab = null;
  let settings = null;
  let status = null;

  function send(message) {
    return api.tabs.sendMessage(tab.id, message);
  }

  // Text with one bold part; never parses markup.
  function say(before, strong = '', after = '') {
    const p = $('message');
    p.replaceChildren(before);
    if (strong) {
      const b = document.createElement('strong');
      b.textContent = strong;
      p.append(b, after);
    }
  }

  function renderCounts(counts, summary) {
    const list = $('kinds');
    list.replaceChildren();
    for (const kind of Settings.KINDS) {
      const li = document.createElement('li');
      li.className = 'kind' + (settings.kinds[kind] ? '' : ' off');
      li.dataset.kind = kind;
      const num = document.createElement('span');
      num.className = 'num';
      num.textContent = String(Number(counts[kind]) || 0);
      const name = document.createElement('span');
      name.className = 'name';
      name.textContent = Kinds.INFO[kind].label + (settings.kinds[kind] ? '' : ' (hidden)');
      li.append(Kinds.swatch(kind), num, name);
      list.append(li);
    }
    // summary: the panel's figures (CaveatFigures.read) from the content script.
    const shares = [];
    if (summary) {
      if (summary.sentences) shares.push(`${summary.sentences} sentences read`);
      shares.push(`${summary.hedged}% hedged`, `${summary.unsourced}% unsourced`);
    }
    $('shares').textContent = shares.join(' · ');
    $('shares').hidden = !shares.length;
  }

  function render() {
    const run = $('run');
    run.hidden = true;
    run.disabled = false;
    $('counts').hidden = true;
    const state = status ? status.state : 'unreachable';
    const total = status ? status.total : 0;
    const host = status && status.host;
    const site = host ? Settings.forSite(settings, host) : null;
    switch (state) {
      case 'ready':
        say('', `${total} ${total === 1 ? 'finding' : 'findings'}`, ' highlighted on this page.');
        renderCounts(status.counts || {}, status.summary);
        $('counts').hidden = false;
        break;
      case 'reading':
        say('Reading the article…');
        break;
      case 'not-article':
        say('This page does not look like a news article, so Caveat left it alone.');
        run.hidden = false;
        break;
      case 'off':
        say('Caveat is ', 'off', ' on this page.');
        break;
      case 'error':
        say('Caveat could not read this page. The page itself is unchanged.');
        run.textContent = 'Try again';
        run.hidden = false;
        break;
      case 'idle':
        if (site && !site.enabled) say('Caveat is ', 'off', ' on this site.');
        else {
          say('Caveat runs when you ask on this site.');
          run.hidden = false;
        }
        break;
      default:
        say('Caveat cannot read this page. Browser pages and add-on stores are off limits; if you just installed Caveat, reload the tab.');
    }
    $('host').textContent = host || 'This page';
    $('site-switch-wrap').hidden = !host;
    if (site) {
      $('site-switch').checked = site.enabled;
      $('site-switch-wrap').title = site.enabled ? `Turn Caveat off on ${host}` : `Turn Caveat on for ${host}`;
    }
  }

  async function refreshStatus() {
    try {
      status = await send({ type: Messages.STATUS });
    } catch {
      status = null; // no content script in this tab
    }
    render();
  }

  $('run').addEventListener('click', async () => {
    $('run').disabled = true;
    say('Reading the article…');
    try {
      status = await send({ type: Messages.RUN });
    } catch {
      status = null;
    }
    render();
  });

  $('site-switch').addEventListener('change', async (event) => {
    const on = event.target.checked;
    // One write: switching a site on also lifts a global off.
    const next = Settings.withSite(settings, status.host, on);
    settings = await Settings.save(on ? { ...next, enabled: true } : next);
    // The content script reacts to the storage change; give it a moment, then ask again.
    setTimeout(refreshStatus, on ? 400 : 100);
  });

  $('options').addEventListener('click', () => {
    api.runtime.openOptionsPage();
    window.close();
  });

  (async () => {
    settings = await Settings.load();
    [tab] = await api.tabs.query({ active: true, currentWindow: true });
    if (!tab || tab.id === undefined) {
      render();
      return;
    }
    await refreshStatus();
    // Follow a page that is still being read.
    const poll = setInterval(() => {
      if (status && status.state === 'reading') refreshStatus();
      else clearInterval(poll);
    }, 500);
  })();
})();
