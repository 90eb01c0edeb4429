// Where a page's time goes, for `./build.sh bench` (tests/bench/breakdown.mjs): the content
// script marks each step of a read (times in ms since the epoch, performance.timeOrigin +
// performance.now(), so that the background's marks fall on the same clock), and publishes
// the last read's marks, with the background's and the wasm's, on the overlay's host element
// as data-caveat-timing (JSON). Figures only: nothing reads them but the benchmark.
(() => {
  'use strict';
  if (globalThis.CaveatTiming) return;

  const now = () => performance.timeOrigin + performance.now();
  // The content scripts run at document_idle; this one first.
  const idle = now();
  let marks = null;

  function domContentLoaded() {
    const nav = performance.getEntriesByType && performance.getEntriesByType('navigation')[0];
    return nav ? performance.timeOrigin + nav.domContentLoadedEventEnd : null;
  }

  globalThis.CaveatTiming = {
    now,
    // A new read starts: marks from here on belong to it.
    start() {
      marks = { dcl: domContentLoaded(), idle, start: now() };
    },
    mark(name) {
      if (marks) marks[name] = now();
    },
    // The read's answer came with the background's and the wasm's marks.
    merge(name, value) {
      if (marks && value) marks[name] = value;
    },
    // After the highlights are painted: the next frame, then the end of its tasks. `frame`: when this
    // callback runs in that frame, before the frame's own style, layout and paint.
    publish(host) {
      if (!marks || !host) return;
      const done = marks;
      requestAnimationFrame(() => {
        done.frame = now();
        setTimeout(() => {
          done.painted = now();
          host.setAttribute('data-caveat-timing', JSON.stringify(done));
        }, 0);
      });
    },
  };
})();
