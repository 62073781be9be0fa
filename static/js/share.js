// The credential page works without JavaScript (the public link is a read-only field to
// select and copy); this shows a Copy button beside each field and says when it worked.
(function () {
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var field = document.getElementById(button.dataset.copy);
    var status = field.parentNode.querySelector("[data-copy-status]");
    button.hidden = false;
    button.addEventListener("click", function () {
      field.select();
      var done = function () { status.textContent = "Copied"; };
      var failed = function () { status.textContent = "Press Ctrl+C (or ⌘C) to copy"; };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(field.value).then(done, failed);
      } else {
        failed();
      }
    });
  });
})();
