// Starts Pagefind's search UI on the search page. A file rather than an inline script, so the
// page's Content-Security-Policy can forbid inline scripts everywhere.
(function () {
  var element = document.getElementById('search');
  if (!element || typeof PagefindUI === 'undefined') return;
  new PagefindUI({ element: '#search', bundlePath: element.dataset.bundle, showSubResults: true, showImages: false, resetStyles: false });
  // Pagefind's field has only a placeholder; give it a real accessible name.
  var input = element.querySelector('input');
  if (input) input.setAttribute('aria-label', 'Search stories and sources');
})();
