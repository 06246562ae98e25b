// Accolade's pages work without JavaScript; this bundle only improves them.
document.documentElement.classList.add('js');
