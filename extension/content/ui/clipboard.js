// Puts the reader's report on the clipboard from the page (the panel's "Copy report"). A classic
// script; defines globalThis.CaveatClipboard.
(() => {
  'use strict';
  if (globalThis.CaveatClipboard) return;

  // Puts `text` on the clipboard: the async Clipboard API where the page is a secure context, else a
  // copy command whose event carries the text (no element is added to the page, nothing is selected).
  async function copyText(text) {
    if (typeof text !== 'string' || !text) throw new Error('the report is empty');
    if (navigator.clipboard && typeof navigator.clipboard.writeText === 'function') {
      try {
        await navigator.clipboard.writeText(text);
        return;
      } catch {
        // fall through to the copy command
      }
    }
    let done = false;
    const onCopy = (event) => {
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
      event.stopImmediatePropagation();
      done = true;
    };
    document.addEventListener('copy', onCopy, true);
    try {
      document.execCommand('copy');
    } finally {
      document.removeEventListener('copy', onCopy, true);
    }
    if (!done) throw new Error('the browser refused the clipboard');
  }

  globalThis.CaveatClipboard = Object.freeze({ copyText });
})();
