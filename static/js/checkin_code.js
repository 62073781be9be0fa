// The facilitator's check-in code: a fresh signed code every few seconds (the server makes
// it; codes expire soon after), so a photo of the screen sent elsewhere stops working. The
// page shows a valid code without JavaScript; this only keeps it current.
(function () {
  var box = document.querySelector("[data-checkin-feed]");
  if (!box) { return; }
  var image = box.querySelector("[data-checkin-image]");
  var link = box.querySelector("[data-checkin-link]");
  var seconds = parseInt(box.dataset.rotateSeconds, 10) || 30;
  function refresh() {
    fetch(box.dataset.checkinFeed, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (code) {
        if (!code) { return; }
        image.src = code.qr;
        link.href = code.url;
        link.textContent = code.url;
        link.dataset.token = code.token;
      })
      .catch(function () { /* keep the last code; the next tick tries again */ });
  }
  window.setInterval(refresh, seconds * 1000);
  // Says the code now rotates by itself (the browser test waits for it before moving the clock).
  box.dataset.rotating = "true";
})();
