// Lessons work without JavaScript; this adds instant feedback on practice questions, saves
// reflections as the trainee types, and reports the evidence a lesson is credited on: active
// time (a heartbeat while the tab is visible and the trainee has used it lately), the
// sections opened behind content warnings and the first answer to each practice question.
// Reaching the end of the page marks nothing done.
(function () {
  document.querySelectorAll("[data-knowledge-check]").forEach(function (check) {
    check.addEventListener("change", function (event) {
      check.querySelectorAll(".feedback").forEach(function (f) { f.hidden = true; });
      var feedback = event.target.closest(".option").querySelector(".feedback");
      feedback.hidden = false;
      feedback.setAttribute("role", "status");
    });
  });

  var AUTOSAVE_MS = 1500;
  var completeForm = document.getElementById("complete-form");

  function csrfToken(form) {
    return form.querySelector("[name=csrfmiddlewaretoken]").value;
  }

  function timeLabel(date) {
    // "10:42 AM", in the trainee's own time zone (browsers put a narrow space before "AM").
    return date.toLocaleTimeString("en-US", { hour: "numeric", minute: "2-digit" }).replace(/\s/g, " ");
  }

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    return node;
  }

  // Reflections: saved 1.5 s after the trainee stops typing, the answer next to the box.
  // Words that look identifying are not saved until the trainee chooses "Save anyway".
  var boxes = [];
  document.querySelectorAll("form[data-reflection]").forEach(function (form) {
    var box = {
      form: form,
      blockId: form.dataset.reflection,
      textarea: form.querySelector("textarea"),
      status: form.querySelector(".reflection-status"),
      warning: form.querySelector("[data-reflection-warning]"),
      kept: [], // phrases the trainee chose to keep
      timer: null,
      sent: 0,
    };
    // A page shown again after a refused save holds text the server does not have.
    var refused = box.status.classList.contains("is-error") || !box.warning.hidden;
    box.saved = refused ? null : box.textarea.value.trim();
    if (!refused && box.status.dataset.savedAt) {
      box.status.textContent = "Saved " + timeLabel(new Date(box.status.dataset.savedAt));
    }
    boxes.push(box);

    function setStatus(text, isError) {
      box.status.textContent = text;
      box.status.classList.toggle("is-error", Boolean(isError));
    }

    function showConcerns(concerns) {
      box.warning.replaceChildren();
      var intro = element("p");
      intro.appendChild(element("strong", "This may identify someone:"));
      box.warning.appendChild(intro);
      var list = element("ul");
      concerns.forEach(function (concern) {
        list.appendChild(element("li", "\u201c" + concern.phrase + "\u201d \u2014 " + concern.reason));
      });
      box.warning.appendChild(list);
      var choice = element("p", "Reflections are private, so you may keep these words. Change them, or ");
      var keep = element("button", "Save anyway");
      keep.type = "button";
      keep.className = "button-secondary";
      keep.addEventListener("click", function () {
        box.kept = box.kept.concat(concerns.map(function (c) { return c.phrase; }));
        save();
      });
      choice.appendChild(keep);
      box.warning.appendChild(choice);
      box.warning.hidden = false;
    }

    function save() {
      clearTimeout(box.timer);
      var text = box.textarea.value;
      if (!text.trim()) return;
      var body = new FormData();
      body.append("text", text);
      box.kept.forEach(function (phrase) { body.append("keep", phrase); });
      var number = ++box.sent;
      setStatus("Saving\u2026");
      fetch(form.action, {
        method: "POST",
        headers: { "Accept": "application/json", "X-CSRFToken": csrfToken(form) },
        credentials: "same-origin",
        body: body,
      }).then(function (response) {
        return response.json().then(function (data) { return { status: response.status, data: data }; });
      }).then(function (result) {
        if (result.data.saved) box.saved = text.trim();
        if (number !== box.sent) return; // a later save answers for the box
        if (result.data.saved) {
          box.warning.hidden = true;
          setStatus("Saved " + timeLabel(new Date(result.data.saved_at)));
        } else if (result.status === 409) {
          showConcerns(result.data.concerns);
          setStatus("Not saved yet: see below.", true);
        } else {
          setStatus("Not saved: " + (result.data.error || "please try again."), true);
        }
      }).catch(function () {
        if (number === box.sent) {
          setStatus("Not saved: no connection. Your text is still here; keep typing or try again.", true);
        }
      });
    }
    box.isDirty = function () {
      var text = box.textarea.value.trim();
      return box.saved === null ? text !== "" : text !== box.saved;
    };

    box.textarea.addEventListener("input", function () {
      clearTimeout(box.timer);
      box.timer = setTimeout(save, AUTOSAVE_MS);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var submitter = event.submitter;
      if (submitter && submitter.name === "keep") box.kept = box.kept.concat(submitter.value.split("\n"));
      save();
    });
  });

  var leaving = false;
  window.addEventListener("beforeunload", function (event) {
    if (leaving || !boxes.some(function (box) { return box.isDirty(); })) return;
    event.preventDefault();
    event.returnValue = "";
  });

  if (!completeForm) return;
  // "Mark as done" carries what is typed but not saved yet, so it is saved with the completion.
  completeForm.addEventListener("submit", function () {
    completeForm.querySelectorAll("[data-carried]").forEach(function (input) { input.remove(); });
    boxes.forEach(function (box) {
      clearTimeout(box.timer);
      var carried = [];
      if (box.isDirty()) carried.push(["reflection-" + box.blockId, box.textarea.value]);
      box.kept.forEach(function (phrase) { carried.push(["keep", phrase]); });
      carried.forEach(function (pair) {
        var input = element("input");
        input.type = "hidden";
        input.name = pair[0];
        input.value = pair[1];
        input.dataset.carried = "";
        completeForm.appendChild(input);
      });
    });
    leaving = true;
  });

  // A lesson already done sends no request: there is nothing left to count.
  var engagementUrl = completeForm.dataset.engagement;
  if (!engagementUrl || completeForm.hasAttribute("data-completed")) return;
  var needs = document.getElementById("completion-needs");
  var beatSeconds = parseInt(completeForm.dataset.heartbeatSeconds, 10) || 30;
  var IDLE_MS = 90000; // no scroll, key, touch or pointer for this long: not active
  var lastInput = Date.now();
  var lastTick = Date.now();
  var activeMs = 0;
  var stopped = false;
  ["scroll", "keydown", "pointermove", "pointerdown", "touchstart", "wheel"].forEach(function (name) {
    window.addEventListener(name, function () { lastInput = Date.now(); }, { passive: true });
  });

  // A report refused for coming too fast (429) is sent again when the server says it may
  // be, a few times at most: an opened section or an answer is evidence the lesson needs,
  // and lost it would have to be given again.
  var RETRIES = 3;
  function report(fields, attempt) {
    if (stopped) return;
    attempt = attempt || 0;
    var body = new FormData();
    Object.keys(fields).forEach(function (key) { body.append(key, fields[key]); });
    fetch(engagementUrl, {
      method: "POST",
      headers: { "Accept": "application/json", "X-CSRFToken": csrfToken(completeForm) },
      credentials: "same-origin",
      body: body,
    }).then(function (response) {
      if (response.status === 429 && attempt < RETRIES) {
        var seconds = parseInt(response.headers.get("Retry-After"), 10);
        setTimeout(function () { report(fields, attempt + 1); }, (seconds > 0 ? seconds : beatSeconds) * 1000);
        return null;
      }
      return response.ok ? response.json() : null;
    }).then(function (data) {
      if (!data) return;
      if (data.done) { stopped = true; return; }
      if (needs) {
        needs.textContent = data.missing;
        needs.hidden = Boolean(data.ready);
      }
    }).catch(function () { /* the next beat tries again; time not reported is not credited */ });
  }

  setInterval(function () {
    var now = Date.now();
    if (document.visibilityState === "visible" && now - lastInput < IDLE_MS) activeMs += now - lastTick;
    lastTick = now;
  }, 1000);
  setInterval(function () {
    var seconds = Math.min(beatSeconds, Math.floor(activeMs / 1000));
    activeMs -= seconds * 1000;
    report({ active_seconds: seconds });
  }, beatSeconds * 1000);
  report({ active_seconds: 0 }); // starts the server's clock for this visit

  document.querySelectorAll("details[data-gate]").forEach(function (gate) {
    gate.addEventListener("toggle", function () {
      if (gate.open) report({ opened: gate.dataset.gate });
    });
  });
  document.querySelectorAll("[data-knowledge-check]").forEach(function (check) {
    check.addEventListener("change", function (event) {
      var fields = {};
      fields["answer-" + check.dataset.knowledgeCheck] = event.target.dataset.option;
      report(fields);
    });
  });
})();
