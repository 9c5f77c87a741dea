/* Quick exit, after the GOV.UK "Exit this page" pattern. The links work without this
   script; with it, the page is blanked at once and replaced in the tab's history. */
(() => {
  "use strict";
  const link = document.querySelector("a[data-exit]");
  const status = document.getElementById("exit-status");
  if (!link || !status) return;
  let presses = 0;
  let timer = 0;

  const leave = event => {
    if (event) event.preventDefault();
    // Blank first: on a slow connection the next site may take seconds to appear.
    document.documentElement.style.background = "#fff";
    document.body.textContent = "";
    if (window.top === window) return location.replace(link.href);
    // Inside a learning platform's frame: leave the whole window, not only the frame. Where
    // the platform forbids that, the exit page opens in the top window as a new page.
    try {
      window.top.location.replace(link.href);
    } catch {
      window.open(link.href, "_top");
    }
  };

  const say = text => {
    status.textContent = text;
  };

  document.addEventListener("click", event => {
    const target = event.target.closest && event.target.closest("a[data-exit]");
    if (target) leave(event);
  });

  // Shift pressed on its own three times within 5 seconds. Not Escape: it stops page
  // loads (so it could cancel the exit itself) and belongs to dialogs, full screen and
  // assistive technology, where a reader must be able to use it without leaving.
  document.addEventListener("keydown", event => {
    if (event.key !== "Shift" || event.repeat) {
      if (event.key !== "Shift") presses = 0;
      return;
    }
    clearTimeout(timer);
    presses += 1;
    if (presses >= 3) return leave();
    say(status.getAttribute(presses === 1 ? "data-two-more" : "data-one-more"));
    timer = setTimeout(() => {
      presses = 0;
      say(status.getAttribute("data-expired"));
    }, 5000);
  });
})();
