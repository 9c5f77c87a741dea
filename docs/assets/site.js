/* Close the search dialog when keyboard focus leaves it: Material leaves it open, and the
   open dialog would cover the control that has focus (WCAG 2.4.11 Focus Not Obscured). */
(() => {
  "use strict";
  document.addEventListener("focusin", event => {
    const toggle = document.getElementById("__search");
    if (toggle && toggle.checked && !event.target.closest(".md-search")) {
      toggle.checked = false;
      toggle.dispatchEvent(new Event("change"));
    }
  });
})();
