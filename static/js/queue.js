// The sign-off queue works without JavaScript (tick entries one by one; "Return…" is a
// <details> disclosure). This adds a "select all" box per trainee, a count of what is
// selected, and puts the cursor in the comment box when "Return…" is opened.
(function () {
  var rows = function (group) {
    return Array.prototype.slice.call(
      document.querySelectorAll('input[name="entries"][data-group="' + group + '"]')
    );
  };
  var count = document.querySelector("[data-selected-count]");

  function update() {
    document.querySelectorAll("input[data-select-group]").forEach(function (all) {
      var boxes = rows(all.dataset.selectGroup);
      var ticked = boxes.filter(function (box) { return box.checked; }).length;
      all.checked = ticked > 0 && ticked === boxes.length;
      all.indeterminate = ticked > 0 && ticked < boxes.length;
    });
    if (count) {
      var total = document.querySelectorAll('input[name="entries"]:checked').length;
      count.textContent = total ? total + " selected" : "";
    }
  }

  document.querySelectorAll("[data-select-all]").forEach(function (holder) {
    holder.hidden = false;
  });
  document.querySelectorAll("input[data-select-group]").forEach(function (all) {
    all.addEventListener("change", function () {
      rows(all.dataset.selectGroup).forEach(function (box) { box.checked = all.checked; });
      update();
    });
  });
  document.addEventListener("change", function (event) {
    if (event.target.matches('input[name="entries"]')) update();
  });
  document.querySelectorAll("details.return-box").forEach(function (box) {
    box.addEventListener("toggle", function () {
      if (box.open) box.querySelector("textarea").focus();
    });
  });
  update();
})();
