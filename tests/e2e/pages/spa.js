// A single-page app: "Next story" swaps the article and pushes a new URL without a page load.
const NEXT = {
  title: 'Bridge Repairs May Close the Coast Road',
  paragraphs: [
    'The coast road may close for up to six weeks next spring while engineers repair the old bridge, which could add half an hour to the journey for thousands of commuters.',
    'The county says the work may start in March. Local businesses fear the closure may keep visitors away during the first weeks of the season, when many of them earn most of their income.',
    'Engineers found cracks in two of the bridge’s supports during an inspection last autumn. A temporary footbridge will stay open for pedestrians and cyclists throughout the repairs.',
  ],
};
document.getElementById('next').addEventListener('click', (event) => {
  event.preventDefault();
  const story = document.getElementById('story');
  const h1 = document.createElement('h1');
  h1.textContent = NEXT.title;
  const paragraphs = NEXT.paragraphs.map((text) => {
    const p = document.createElement('p');
    p.textContent = text;
    return p;
  });
  story.replaceChildren(h1, ...paragraphs);
  history.pushState({ story: 2 }, '', '?story=2');
});
