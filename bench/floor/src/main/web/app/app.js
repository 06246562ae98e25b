document.documentElement.dataset.floor = "ready";
