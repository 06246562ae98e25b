// Accolade's pages work without JavaScript; this bundle only improves them.
import htmx from 'htmx.org';

document.documentElement.classList.add('js');

// htmx swaps parts of pages (live catalog search, recipient type-ahead, order status). The
// Content-Security-Policy allows no inline style or eval, so neither is used.
htmx.config.includeIndicatorStyles = false;
htmx.config.allowEval = false;
htmx.config.allowScriptTags = false;
htmx.config.historyCacheSize = 0;

// Brand images: when one cannot be loaded, show the brand's initial instead of a broken image.
document.addEventListener('error', (event) => {
  const img = event.target;
  if (img instanceof HTMLImageElement && img.parentElement && img.parentElement.classList.contains('brand-image')) {
    img.parentElement.classList.add('fallback');
    img.remove();
  }
}, true);

// A confirm button can be pressed once: a double click must not submit the form twice (the server
// also refuses to send one form twice).
document.addEventListener('submit', (event) => {
  const button = event.target.querySelector('button[data-once]');
  if (button) {
    if (button.dataset.sent) {
      event.preventDefault();
      return;
    }
    button.dataset.sent = 'true';
    button.setAttribute('aria-disabled', 'true');
    button.textContent = button.dataset.once || 'Sending…';
  }
});

// The header's menu button (shown on a phone, where the navigation folds away): opens and closes it.
// Without JavaScript the button stays hidden and the navigation is always shown.
const menuButton = document.querySelector('.menu-button');
if (menuButton) {
  menuButton.hidden = false;
  menuButton.addEventListener('click', () => {
    const open = menuButton.getAttribute('aria-expanded') === 'true';
    menuButton.setAttribute('aria-expanded', String(!open));
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && menuButton.getAttribute('aria-expanded') === 'true') {
      menuButton.setAttribute('aria-expanded', 'false');
      menuButton.focus();
    }
  });
}

// Copy buttons (an invitation link): shown only with JavaScript and a clipboard; without them the
// text is on the page to select and copy by hand.
document.querySelectorAll('button[data-copy]').forEach((button) => {
  const source = document.getElementById(button.dataset.copy);
  if (!source || !navigator.clipboard) {
    return;
  }
  button.hidden = false;
  const done = button.parentElement.querySelector('.copy-done');
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(source.textContent.trim()).then(() => {
      if (done) {
        done.textContent = 'Copied.';
      }
    }, () => {
      if (done) {
        done.textContent = 'Could not copy: select the link and copy it by hand.';
      }
    });
  });
});

// Send later: the time zone list starts at the browser's own zone (the server shows UTC without
// JavaScript). A zone already chosen (a form shown again, a scheduled send's page) is kept.
const zoneSelect = document.querySelector('select[data-browser-zone="fill"]');
if (zoneSelect) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (zone && Array.from(zoneSelect.options).some((o) => o.value === zone)) {
    zoneSelect.value = zone;
  }
}
