// The service worker's part of notifications (loaded by /sw.js with importScripts). docs/notifications.md.
// A push carries {title, body, url, tag} from journal/push/notices.py: never a word anyone wrote.
(function () {
  "use strict";

  var ICON = "/static/icons/icon-192.png";

  // A path on this site, or null: a notification never opens another site (nor a javascript: URL).
  function samePath(url) {
    if (typeof url !== "string" || url.charAt(0) !== "/" || url.charAt(1) === "/" || url.charAt(1) === "\\") {
      return null;
    }
    try {
      var resolved = new URL(url, self.location.origin);
      return resolved.origin === self.location.origin ? resolved.pathname + resolved.search + resolved.hash : null;
    } catch (error) {
      return null;
    }
  }

  function readPayload(event) {
    if (!event.data) return {};
    try {
      var data = event.data.json();
      return data && typeof data === "object" ? data : {};
    } catch (error) {
      return {};
    }
  }

  self.addEventListener("push", function (event) {
    var data = readPayload(event);
    var options = {
      body: typeof data.body === "string" ? data.body : "",
      icon: ICON,
      data: { url: samePath(data.url) || "/" },
    };
    if (typeof data.tag === "string" && data.tag) {
      options.tag = data.tag;
      options.renotify = true; // a reminder of the same alert still makes itself known
    }
    var title = typeof data.title === "string" && data.title ? data.title : "Integration Journal";
    event.waitUntil(self.registration.showNotification(title, options));
  });

  self.addEventListener("notificationclick", function (event) {
    event.notification.close();
    var path = samePath(event.notification.data && event.notification.data.url) || "/";
    var target = new URL(path, self.location.origin).href;
    event.waitUntil(
      self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (windows) {
        for (var i = 0; i < windows.length; i++) {
          var client = windows[i];
          if (new URL(client.url).origin !== self.location.origin) continue;
          // An open window of the app: bring it forward, on the notification's page.
          return client.focus().then(function (focused) {
            return focused && focused.url !== target && "navigate" in focused ? focused.navigate(target) : focused;
          });
        }
        return self.clients.openWindow(target);
      })
    );
  });
})();
