// The toolbar popup: this page's counts and figures, on/off for this site, "Run on this page",
// "Copy report".
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
      name.textContent = Kinds.INFO[kind].label + (settings.kinds[kind] ? '' : ' (not marked)');
      li.append(Kinds.swatch(kind), num, name);
      list.append(li);
    }
    // summary: the panel's figures (CaveatFigures.read) from the content script, with the core's words.
    const figures = $('figures');
    figures.replaceChildren();
    for (const figure of summary ? summary.figures : []) {
      const li = document.createElement('li');
      li.dataset.figure = figure.key;
      const strong = document.createElement('strong');
      strong.textContent = `${figure.percent}%`;
      li.append(strong, ' ' + figure.label);
      figures.append(li);
    }
    figures.hidden = !figures.childElementCount;
    $('held').textContent = summary ? summary.heldBackText : '';
    $('held').hidden = !$('held').textContent;
  }

  function render() {
    const run = $('run');
    run.hidden = true;
    run.disabled = false;
    run.textContent = 'Run on this page';
    $('copy-report').hidden = true;
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
        $('copy-report').hidden = false;
        break;
      case 'reading':
        say('Reading the article…');
        break;
      case 'not-article':
        say('This page does not look like a news article, so Caveat left it alone.');
        run.hidden = false;
        break;
      case 'unsupported-language':
        // The content script's words, the same the page's pill and panel show.
        say(status.notice ? status.notice.long : "This article is not in English. Caveat's rules read English, so it marked nothing here.");
        run.textContent = 'Run on this page anyway';
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

  // The content script has the report built (in the background, by the core); the popup copies it,
  // being the document the reader clicked in.
  $('copy-report').addEventListener('click', async () => {
    const note = $('copied');
    try {
      const answer = await send({ type: Messages.COPY_REPORT });
      if (!answer || typeof answer.markdown !== 'string') throw new Error(answer && answer.error ? answer.error : 'no report');
      await navigator.clipboard.writeText(answer.markdown);
      note.textContent = 'Report copied to the clipboard.';
    } catch (e) {
      note.textContent = 'Could not copy the report: ' + (e && e.message ? e.message : e);
    }
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
