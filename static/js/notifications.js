// The bell in the header links to the notifications page, which works without JavaScript.
// This adds the number of unread ones, asked for once per page so that pages themselves
// stay cacheable and cost no extra query.
(function () {
  var bell = document.querySelector("a.bell[data-unread-url]");
  if (!bell || !window.fetch) { return; }
  var badge = bell.querySelector("[data-unread-count]");
  fetch(bell.dataset.unreadUrl, { credentials: "same-origin", headers: { Accept: "application/json" } })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) {
      if (!data || !data.unread) { return; }
      badge.textContent = data.unread > 99 ? "99+" : String(data.unread);
      badge.hidden = false;
      bell.setAttribute("aria-label", "Notifications, " + data.unread + " unread");
    })
    .catch(function () { /* the link still works; the count is a convenience */ });
})();
