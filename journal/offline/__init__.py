"""Offline writing: the installable app shell, its service worker, and leaving a device clean.

Pages that carry personal data stay ``no-store``. The service worker caches only static files and the
shell pages here (a fallback page, the help page with the person's region, and the offline writer), none
of which holds journal text. Writing done offline lives in the browser's IndexedDB, encrypted
(``static/js/offline-store.js``); ``docs/offline.md`` has the threat model.
"""
