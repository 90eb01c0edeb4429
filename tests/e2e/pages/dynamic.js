// A live blog: "Load more" appends updates to the article after load, as news sites do.
const UPDATES = [
  'Update 18:05 — The vote may be postponed: two councillors are stuck on the delayed evening train from the capital.',
  'Update 18:20 — A late amendment may move money from the ring road to the harbour wall, which would please the fishing fleet.',
];
document.getElementById('more').addEventListener('click', () => {
  const updates = document.getElementById('updates');
  for (const text of UPDATES) {
    const p = document.createElement('p');
    p.textContent = text;
    updates.append(p);
  }
});
