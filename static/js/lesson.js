// Lessons work without JavaScript; this adds instant feedback on practice questions and
// marks the lesson done when the trainee reaches its end.
(function () {
  document.querySelectorAll("[data-knowledge-check]").forEach(function (check) {
    check.addEventListener("change", function (event) {
      check.querySelectorAll(".feedback").forEach(function (f) { f.hidden = true; });
      var feedback = event.target.closest(".option").querySelector(".feedback");
      feedback.hidden = false;
      feedback.setAttribute("role", "status");
    });
  });

  var end = document.querySelector("[data-lesson-end]");
  if (!end || !("IntersectionObserver" in window)) return;
  var form = document.getElementById("complete-form");
  if (!form) return;
  var observer = new IntersectionObserver(function (entries) {
    if (!entries.some(function (e) { return e.isIntersecting; })) return;
    observer.disconnect();
    fetch(form.action, {
      method: "POST",
      headers: { "Accept": "application/json", "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value },
      credentials: "same-origin",
    }).then(function (response) {
      if (!response.ok) return;
      var status = document.getElementById("completion-status");
      status.textContent = "Lesson marked as done.";
      form.querySelector("button").textContent = "Done — go on";
    });
  });
  observer.observe(end);
})();
