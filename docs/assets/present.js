/* Presentation mode (overrides/presentation.html): a module's slides, one at a time.
   Keys, the Previous/Next buttons or a swipe move between slides. The slide's number is
   kept in the address (#3), so a reload or a link returns to it; nothing is stored.
   Notes (or N) opens this same page as a notes window (#notes) that follows the slides.
   The two windows talk by postMessage, because BroadcastChannel does not reach between
   pages opened from file:// (the offline pack); a message carries only a slide number. */
(() => {
  "use strict";
  const root = document.querySelector("[data-presentation]");
  const slides = root ? [...root.querySelectorAll(".slide")] : [];
  if (!slides.length) return;
  const $ = s => root.querySelector(s), S = root.dataset, TYPE = "training-present", last = slides.length - 1;
  const bar = $(".presentation__bar"), counter = $(".presentation__counter"), status = $(".presentation__status");
  const prev = $("[data-step='-1']"), next = $("[data-step='1']"), panel = $(".presentation-notes");
  const asNotes = location.hash === "#notes";
  const fill = (t, v) => t.replace(/\{(\w+)\}/g, (m, k) => k in v ? v[k] : m);
  const clamp = n => Math.max(0, Math.min(last, n));
  const send = (win, data) => {
    try { if (win && !win.closed) win.postMessage({ type: TYPE, ...data }, "*"); } catch (e) { /* closed meanwhile */ }
  };
  const titleOf = s => {
    const h = s.querySelector("h1, h2");
    if (!h) return "";
    const c = h.cloneNode(true);
    for (const a of c.querySelectorAll(".headerlink")) a.remove();
    return c.textContent.trim();
  };
  const minutesOf = s => [...s.querySelectorAll(".slide-notes")].reduce((n, el) => n + (+el.dataset.minutes || 0), 0);
  const count = n => fill(S.counter, { n: n + 1, total: slides.length });
  let cur = -1, notes = null;

  const mark = n => {
    cur = n;
    counter.textContent = count(n);
    prev.setAttribute("aria-disabled", String(n === 0));
    next.setAttribute("aria-disabled", String(n === last));
  };

  const address = n => {
    if (location.hash === "#" + (n + 1)) return;
    try { history.replaceState(history.state, "", "#" + (n + 1)); } catch (e) { location.replace("#" + (n + 1)); }
  };

  // The presentation window: one slide shown, the others hidden (so Tab stays on the slide).
  const show = (n, focus = true) => {
    n = clamp(n);
    address(n);
    if (n === cur) return;
    const active = document.activeElement;
    // Focus that would vanish with its slide, or that is nowhere, moves to the new slide;
    // focus on a button stays there, so Next can be pressed again.
    const lost = !active || active === document.body || slides.some(s => s.contains(active));
    slides.forEach((s, i) => { s.hidden = i !== n; });
    root.classList.toggle("has-moved", cur >= 0);
    mark(n);
    if (focus && lost) slides[n].focus({ preventScroll: true });
    if (slides[n].getBoundingClientRect().top < 0) scrollTo(0, 0);
    send(notes, { slide: n });
  };

  // The notes window: the notes, timing and next title of the slide the room sees.
  const render = n => {
    const s = slides[n], body = $(".presentation-notes__body");
    const parts = [...s.querySelectorAll(".slide-notes")].map(el => {
      const copy = el.cloneNode(true);
      copy.hidden = false;
      // The section's full text is on the page once already: its ids must stay unique.
      for (const withId of copy.querySelectorAll("[id]")) withId.removeAttribute("id");
      return copy;
    });
    body.replaceChildren(...parts);
    if (!parts.length) body.textContent = S.noNotes;
    const total = slides.reduce((t, x) => t + minutesOf(x), 0);
    const start = slides.slice(0, n).reduce((t, x) => t + minutesOf(x), 0), minutes = minutesOf(s);
    $(".presentation-notes__where").textContent = count(n) + ": " + titleOf(s);
    $(".presentation-notes__time").textContent = minutes
      ? fill(S.time, { minutes, start, end: start + minutes, total }) : fill(S.total, { total });
    $(".presentation-notes__next").textContent = n < last ? fill(S.nextUp, { title: titleOf(slides[n + 1]) }) : S.last;
    mark(n);
  };

  const go = n => {
    if (!asNotes) return show(n);
    n = clamp(n);
    if (n !== cur) render(n);
    send(window.opener, { go: n });
  };

  const openNotes = () => {
    if (notes && !notes.closed) {
      notes.focus();
      return send(notes, { slide: cur });
    }
    notes = window.open(location.href.split("#")[0] + "#notes", "training-notes", "popup,width=760,height=760");
    status.textContent = notes ? "" : S.blocked;
  };

  const slideOf = hash => {
    const number = /^#(\d+)$/.exec(hash);
    if (number) return clamp(+number[1] - 1);
    let el = null;
    try { el = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null; } catch (e) { /* bad escape */ }
    const s = el && el.closest(".slide");
    return s ? slides.indexOf(s) : null;
  };

  // Keys act unless the reader is in a field, where arrows, Space and Home/End have their own job.
  const FIELD = "input, textarea, select, [contenteditable]:not([contenteditable=false]), .md-search";
  const PRESSABLE = "a[href], button, summary, label, [role=button], [tabindex]:not(.slide)";
  const TYPING = "input[type=text], textarea, select, [contenteditable]:not([contenteditable=false]), .md-search";
  document.addEventListener("keydown", e => {
    if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || e.isComposing) return;
    const target = e.target instanceof Element ? e.target : document.body;
    // A shows the answer of the question on the slide (after the room has answered); it also
    // works from the option just clicked, but not while typing an answer.
    if ((e.key === "a" || e.key === "A") && !target.closest(TYPING)) {
      const answer = slides[cur] && slides[cur].querySelector(".training-answer");
      if (!answer) return;
      e.preventDefault();
      answer.open = !answer.open;
      return;
    }
    if (target.closest(FIELD)) return;
    let to;
    switch (e.key) {
      case "ArrowRight": case "PageDown": to = cur + 1; break;
      case "ArrowLeft": case "PageUp": to = cur - 1; break;
      case " ":
        if (target.closest(PRESSABLE)) return; // Space presses the focused control
        to = e.shiftKey ? cur - 1 : cur + 1;
        break;
      case "Home": to = 0; break;
      case "End": to = last; break;
      case "n": case "N":
        if (asNotes) return;
        e.preventDefault();
        return openNotes();
      default: return;
    }
    e.preventDefault();
    go(to);
  });

  bar.addEventListener("click", e => {
    const button = e.target instanceof Element && e.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-notes")) return openNotes();
    if (button.getAttribute("aria-disabled") !== "true") go(cur + Number(button.dataset.step));
  });

  // A horizontal swipe; not on fields, code or tables, which scroll sideways themselves.
  let touch = null;
  root.addEventListener("touchstart", e => {
    const t = e.target instanceof Element ? e.target : null;
    const free = e.touches.length === 1 && !(t && t.closest("input, textarea, select, pre, table, .tabbed-labels"));
    touch = free ? [e.touches[0].clientX, e.touches[0].clientY] : null;
  }, { passive: true });
  root.addEventListener("touchend", e => {
    if (!touch || e.touches.length) return;
    const t = e.changedTouches[0], dx = t.clientX - touch[0], dy = t.clientY - touch[1];
    touch = null;
    if (Math.abs(dx) >= 50 && Math.abs(dx) > 2 * Math.abs(dy)) go(cur + (dx < 0 ? 1 : -1));
  }, { passive: true });

  // "Skip to content" leads to the slide shown, not to the first section's heading.
  document.addEventListener("click", e => {
    const skip = e.target instanceof Element && e.target.closest("a.md-skip:not([data-exit])");
    if (!skip) return;
    e.preventDefault();
    (asNotes ? panel : slides[cur]).focus();
  });

  bar.hidden = false;
  $(".presentation__keys").hidden = false;
  root.classList.add("is-live");

  if (!asNotes) {
    addEventListener("hashchange", () => {
      const n = slideOf(location.hash);
      if (n != null) show(n);
    });
    // Only the window this one opened may turn the slides (it says hello again after a reload).
    addEventListener("message", e => {
      const d = e.data, from = e.source;
      if (!d || d.type !== TYPE || !from || from === window) return;
      let ours = false;
      try { ours = from.opener === window; } catch (x) { /* another page's window */ }
      if (!ours) return;
      notes = from;
      if (Number.isInteger(d.go)) show(d.go);
      send(notes, { slide: cur });
    });
    show(slideOf(location.hash) ?? 0, false);
    return;
  }

  document.title = S.notesTitle + " – " + document.title;
  $(".presentation__slides").hidden = true;
  $("[data-notes]").hidden = true;
  counter.removeAttribute("role"); // the panel's own status says the slide and its title
  panel.hidden = false;
  panel.tabIndex = -1;
  addEventListener("message", e => {
    const d = e.data;
    if (e.source && e.source === window.opener && d && d.type === TYPE && Number.isInteger(d.slide)) {
      if (clamp(d.slide) !== cur) render(clamp(d.slide));
    }
  });
  const hello = () => {
    const on = !!window.opener && !window.opener.closed;
    $(".presentation-notes__link").textContent = on ? S.following : S.alone;
    send(window.opener, { hello: true });
  };
  render(0);
  hello();
  // Finds the presentation again after the trainer reloads it.
  setInterval(hello, 2000);
})();
