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
  const find = selector => root.querySelector(selector);
  const texts = root.dataset;
  const MESSAGE_TYPE = "training-present";
  const lastSlide = slides.length - 1;
  const bar = find(".presentation__bar");
  const counter = find(".presentation__counter");
  const status = find(".presentation__status");
  const previousButton = find("[data-step='-1']");
  const nextButton = find("[data-step='1']");
  const panel = find(".presentation-notes");
  const asNotes = location.hash === "#notes";
  const fill = (template, values) =>
    template.replace(/\{(\w+)\}/g, (placeholder, name) => (name in values ? values[name] : placeholder));
  const clamp = index => Math.max(0, Math.min(lastSlide, index));
  const send = (target, data) => {
    try {
      if (target && !target.closed) target.postMessage({ type: MESSAGE_TYPE, ...data }, "*");
    } catch {
      // Closed meanwhile.
    }
  };
  const titleOf = slide => {
    const heading = slide.querySelector("h1, h2");
    if (!heading) return "";
    const copy = heading.cloneNode(true);
    for (const link of copy.querySelectorAll(".headerlink")) link.remove();
    return copy.textContent.trim();
  };
  const minutesOf = slide => [...slide.querySelectorAll(".slide-notes")]
    .reduce((sum, notes) => sum + (+notes.dataset.minutes || 0), 0);
  const counterText = index => fill(texts.counter, { n: index + 1, total: slides.length });
  let current = -1;
  let notesWindow = null;

  const mark = index => {
    current = index;
    counter.textContent = counterText(index);
    previousButton.setAttribute("aria-disabled", String(index === 0));
    nextButton.setAttribute("aria-disabled", String(index === lastSlide));
  };

  const address = index => {
    const hash = "#" + (index + 1);
    if (location.hash === hash) return;
    try {
      history.replaceState(history.state, "", hash);
    } catch {
      location.replace(hash);
    }
  };

  // The presentation window: one slide shown, the others hidden (so Tab stays on the slide).
  const show = (index, focus = true) => {
    index = clamp(index);
    address(index);
    if (index === current) return;
    const active = document.activeElement;
    // Focus that would vanish with its slide, or that is nowhere, moves to the new slide;
    // focus on a button stays there, so Next can be pressed again.
    const lost = !active || active === document.body || slides.some(slide => slide.contains(active));
    slides.forEach((slide, i) => {
      slide.hidden = i !== index;
    });
    root.classList.toggle("has-moved", current >= 0);
    mark(index);
    if (focus && lost) slides[index].focus({ preventScroll: true });
    if (slides[index].getBoundingClientRect().top < 0) scrollTo(0, 0);
    send(notesWindow, { slide: index });
  };

  // The notes window: the notes, timing and next title of the slide the room sees.
  const render = index => {
    const slide = slides[index];
    const body = find(".presentation-notes__body");
    const parts = [...slide.querySelectorAll(".slide-notes")].map(notes => {
      const copy = notes.cloneNode(true);
      copy.hidden = false;
      // The section's full text is on the page once already: its ids must stay unique.
      for (const withId of copy.querySelectorAll("[id]")) withId.removeAttribute("id");
      return copy;
    });
    body.replaceChildren(...parts);
    if (!parts.length) body.textContent = texts.noNotes;
    const total = slides.reduce((sum, other) => sum + minutesOf(other), 0);
    const start = slides.slice(0, index).reduce((sum, other) => sum + minutesOf(other), 0);
    const minutes = minutesOf(slide);
    find(".presentation-notes__where").textContent = counterText(index) + ": " + titleOf(slide);
    find(".presentation-notes__time").textContent = minutes
      ? fill(texts.time, { minutes, start, end: start + minutes, total })
      : fill(texts.total, { total });
    find(".presentation-notes__next").textContent = index < lastSlide
      ? fill(texts.nextUp, { title: titleOf(slides[index + 1]) })
      : texts.last;
    mark(index);
  };

  const go = index => {
    if (!asNotes) return show(index);
    index = clamp(index);
    if (index !== current) render(index);
    send(window.opener, { go: index });
  };

  const openNotes = () => {
    if (notesWindow && !notesWindow.closed) {
      notesWindow.focus();
      return send(notesWindow, { slide: current });
    }
    const notesAddress = location.href.split("#")[0] + "#notes";
    notesWindow = window.open(notesAddress, "training-notes", "popup,width=760,height=760");
    status.textContent = notesWindow ? "" : texts.blocked;
  };

  // "#3" is the third slide; "#some-heading" the slide that holds that heading.
  const slideOf = hash => {
    const number = /^#(\d+)$/.exec(hash);
    if (number) return clamp(+number[1] - 1);
    let target = null;
    try {
      target = hash.length > 1 ? document.getElementById(decodeURIComponent(hash.slice(1))) : null;
    } catch {
      // A bad escape in the address: no slide of its own.
    }
    const slide = target && target.closest(".slide");
    return slide ? slides.indexOf(slide) : null;
  };

  // Keys act unless the reader is in a field, where arrows, Space and Home/End have their own job.
  const FIELD = "input, textarea, select, [contenteditable]:not([contenteditable=false]), .md-search";
  const PRESSABLE = "a[href], button, summary, label, [role=button], [tabindex]:not(.slide)";
  const TYPING = "input[type=text], textarea, select, [contenteditable]:not([contenteditable=false]), "
    + ".md-search";
  document.addEventListener("keydown", event => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.isComposing) return;
    const target = event.target instanceof Element ? event.target : document.body;
    // A shows the answer of the question on the slide (after the room has answered); it also
    // works from the option just clicked, but not while typing an answer.
    if ((event.key === "a" || event.key === "A") && !target.closest(TYPING)) {
      const answer = slides[current] && slides[current].querySelector(".training-answer");
      if (!answer) return;
      event.preventDefault();
      answer.open = !answer.open;
      return;
    }
    if (target.closest(FIELD)) return;
    let to;
    switch (event.key) {
      case "ArrowRight":
      case "PageDown":
        to = current + 1;
        break;
      case "ArrowLeft":
      case "PageUp":
        to = current - 1;
        break;
      case " ":
        if (target.closest(PRESSABLE)) return; // Space presses the focused control
        to = event.shiftKey ? current - 1 : current + 1;
        break;
      case "Home":
        to = 0;
        break;
      case "End":
        to = lastSlide;
        break;
      case "n":
      case "N":
        if (asNotes) return;
        event.preventDefault();
        return openNotes();
      default:
        return;
    }
    event.preventDefault();
    go(to);
  });

  bar.addEventListener("click", event => {
    const button = event.target instanceof Element && event.target.closest("button");
    if (!button) return;
    if (button.hasAttribute("data-notes")) return openNotes();
    if (button.getAttribute("aria-disabled") !== "true") go(current + Number(button.dataset.step));
  });

  // A horizontal swipe; not on fields, code or tables, which scroll sideways themselves.
  let touchStart = null;
  root.addEventListener("touchstart", event => {
    const target = event.target instanceof Element ? event.target : null;
    const free = event.touches.length === 1
      && !(target && target.closest("input, textarea, select, pre, table, .tabbed-labels"));
    touchStart = free ? [event.touches[0].clientX, event.touches[0].clientY] : null;
  }, { passive: true });
  root.addEventListener("touchend", event => {
    if (!touchStart || event.touches.length) return;
    const touch = event.changedTouches[0];
    const dx = touch.clientX - touchStart[0];
    const dy = touch.clientY - touchStart[1];
    touchStart = null;
    if (Math.abs(dx) >= 50 && Math.abs(dx) > 2 * Math.abs(dy)) go(current + (dx < 0 ? 1 : -1));
  }, { passive: true });

  // "Skip to content" leads to the slide shown, not to the first section's heading.
  document.addEventListener("click", event => {
    const skip = event.target instanceof Element && event.target.closest("a.md-skip:not([data-exit])");
    if (!skip) return;
    event.preventDefault();
    (asNotes ? panel : slides[current]).focus();
  });

  bar.hidden = false;
  find(".presentation__keys").hidden = false;
  root.classList.add("is-live");

  if (!asNotes) {
    addEventListener("hashchange", () => {
      const index = slideOf(location.hash);
      if (index != null) show(index);
    });
    // Only the window this one opened may turn the slides (it says hello again after a reload).
    addEventListener("message", event => {
      const message = event.data;
      const from = event.source;
      if (!message || message.type !== MESSAGE_TYPE || !from || from === window) return;
      let ours = false;
      try {
        ours = from.opener === window;
      } catch {
        // Another page's window.
      }
      if (!ours) return;
      notesWindow = from;
      if (Number.isInteger(message.go)) show(message.go);
      send(notesWindow, { slide: current });
    });
    show(slideOf(location.hash) ?? 0, false);
    return;
  }

  document.title = texts.notesTitle + " – " + document.title;
  find(".presentation__slides").hidden = true;
  find("[data-notes]").hidden = true;
  counter.removeAttribute("role"); // the panel's own status says the slide and its title
  panel.hidden = false;
  panel.tabIndex = -1;
  addEventListener("message", event => {
    const message = event.data;
    if (event.source && event.source === window.opener && message && message.type === MESSAGE_TYPE
      && Number.isInteger(message.slide)) {
      if (clamp(message.slide) !== current) render(clamp(message.slide));
    }
  });
  const hello = () => {
    const connected = !!window.opener && !window.opener.closed;
    find(".presentation-notes__link").textContent = connected ? texts.following : texts.alone;
    send(window.opener, { hello: true });
  };
  render(0);
  hello();
  // Finds the presentation again after the trainer reloads it.
  setInterval(hello, 2000);
})();
