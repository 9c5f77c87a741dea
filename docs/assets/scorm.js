/* Reporting to a learning platform (SCORM 1.2), in a module's package only
   (hooks/training/scorm.py). It finds the platform's API the standard way and sends the
   lesson status, the score and the session time: no answers, no text, no identifiers of its
   own. Opened without a platform, it does nothing and the page stores nothing. */
(() => {
  "use strict";
  const body = document.body;
  if (!body.dataset.module) return; // the package's help page reports nothing

  // The API is on a window above this one, or above the window that opened it.
  const findApi = start => {
    for (let win = start, depth = 0; win && depth < 10; depth++) {
      try {
        if (win.API) return win.API;
      } catch {
        // A window of another origin.
      }
      if (win.parent === win) break;
      win = win.parent;
    }
    return null;
  };
  const api = findApi(window) || (window.opener ? findApi(window.opener) : null);
  if (!api || String(api.LMSInitialize("")) !== "true") return;

  const started = Date.now();
  const set = (name, value) => api.LMSSetValue(name, String(value));
  const commit = () => api.LMSCommit("");
  const before = api.LMSGetValue("cmi.core.lesson_status");
  if (!before || before === "not attempted") set("cmi.core.lesson_status", "incomplete");

  const questions = [...document.querySelectorAll(".training-question[data-question]")]
    .map(fieldset => fieldset.dataset.question);
  const mastery = Number(body.dataset.mastery);
  const answers = new Map(); // question id -> right or not; never the answer itself

  document.addEventListener("training:graded", event => {
    answers.set(event.detail.question, event.detail.correct);
    if (!questions.length || !questions.every(id => answers.has(id))) return;
    const score = Math.round(100 * [...answers.values()].filter(Boolean).length / questions.length);
    set("cmi.core.score.min", 0);
    set("cmi.core.score.max", 100);
    set("cmi.core.score.raw", score);
    set("cmi.core.lesson_status", score >= mastery ? "passed" : "failed");
    commit();
  });

  // A module without a quiz is completed when the reader reaches its end.
  const end = document.querySelector(".module-footer");
  if (!questions.length && end) {
    const seen = new IntersectionObserver(entries => {
      if (!entries.some(entry => entry.isIntersecting)) return;
      seen.disconnect();
      set("cmi.core.lesson_status", "completed");
      commit();
    });
    seen.observe(end);
  }

  // CMITimespan: HH:MM:SS.
  const timespan = milliseconds => {
    const seconds = Math.round(milliseconds / 1000);
    const twoDigits = number => String(number).padStart(2, "0");
    const hours = Math.floor(seconds / 3600);
    return `${twoDigits(hours)}:${twoDigits(Math.floor(seconds / 60) % 60)}:${twoDigits(seconds % 60)}`;
  };
  let finished = false;
  const finish = () => {
    if (finished) return;
    finished = true;
    set("cmi.core.session_time", timespan(Date.now() - started));
    commit();
    api.LMSFinish("");
  };
  addEventListener("pagehide", finish);
  addEventListener("beforeunload", finish);
})();
