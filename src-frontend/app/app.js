// Accolade's pages work without JavaScript; this bundle only improves them.
document.documentElement.classList.add('js');

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
    button.textContent = 'Sending…';
  }
});

// A page whose outcome is still being settled (data-refresh="seconds") reloads itself until it is.
const refresh = document.querySelector('[data-refresh]');
if (refresh) {
  const seconds = Math.max(5, parseInt(refresh.dataset.refresh, 10) || 10);
  setTimeout(() => window.location.reload(), seconds * 1000);
}
