// Namn åt redigerarens knappar som bara har en ikon, så att skärmläsare kan läsa upp dem.
// Decap CMS ritar om formuläret hela tiden; en MutationObserver sätter namnen på nya knappar.
const NAMES = [
  ['[class*="TopBar"] > button:first-child', 'Visa eller dölj'],
  ['[class*="TopBar"] > button:last-child', 'Ta bort'],
  ['[class*="TopBar"] [role="button"][aria-roledescription="sortable"]', 'Dra för att flytta'],
];

function nameButtons(root) {
  for (const [selector, name] of NAMES) {
    for (const element of root.querySelectorAll(selector)) {
      if (!element.getAttribute('aria-label') && !element.textContent.trim()) element.setAttribute('aria-label', name);
    }
  }
}

nameButtons(document);
new MutationObserver(() => nameButtons(document)).observe(document.body, { childList: true, subtree: true });
