/* Quizzes and checklists: enhances the HTML of hooks/training (which works without
   this file). Privacy: nothing is stored unless the reader opts in; keys are hashes
   of ids (no topic words); a saved answer keeps its question's hash and is dropped
   when the question changes. */
(() => {
  "use strict";
  const P = "tr-", KEEP = P + "keep", savers = [], boxes = [];
  let ls = null, n = 0;
  try { ls = localStorage; } catch (e) { /* blocked: memory only */ }
  const $ = (el, s) => el.querySelector(s), $$ = (el, s) => [...el.querySelectorAll(s)];
  const get = k => { try { return ls.getItem(k); } catch (e) { return null; } };
  // A presentation shows quizzes to a room: there nothing is restored or kept.
  const off = !!document.querySelector("[data-training-memory=off]");
  const kept = () => !off && get(KEEP) === "1";
  const load = k => { try { return JSON.parse(get(k)); } catch (e) { return null; } };
  const put = (k, v) => {
    if (!kept()) return; // not opted in: write nothing at all
    try { v == null ? ls.removeItem(k) : ls.setItem(k, JSON.stringify(v)); } catch (e) { /* full */ }
  };
  // cyrb53: a neutral key name from an id.
  const key = s => {
    let a = 0xdeadbeef, b = 0x41c6ce57;
    for (const ch of s) {
      const c = ch.codePointAt(0);
      a = Math.imul(a ^ c, 2654435761);
      b = Math.imul(b ^ c, 1597334677);
    }
    a = Math.imul(a ^ (a >>> 16), 2246822507) ^ Math.imul(b ^ (b >>> 13), 3266489909);
    b = Math.imul(b ^ (b >>> 16), 2246822507) ^ Math.imul(a ^ (a >>> 13), 3266489909);
    return P + (4294967296 * (2097151 & b) + (a >>> 0)).toString(36);
  };
  // Same rules as normalize_answer in training/answers.py.
  const norm = s => s.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC").replace(/ς/g, "σ")
    .replace(/[^\p{L}\p{N}\p{M}\s]/gu, "").replace(/\s+/g, " ").trim().normalize("NFC");
  const fill = (t, v) => t.replace(/\{(\w+)\}/g, (m, k) => k in v ? v[k] : m);
  const right = (d, v) => d.answers ? d.answers.map(norm).includes(norm(v))
    : v.length === d.correct.length && v.every(x => d.correct.includes(x));
  // Keys per language: hashes differ, so the other language must not drop this progress.
  const L = document.documentElement.lang;
  // Everything this site keeps: our keys and those of Material's features.
  const wipe = () => {
    for (const name of ["localStorage", "sessionStorage"]) try {
      const st = window[name];
      for (let i = st.length; i--;) {
        const k = st.key(i);
        if (k.startsWith(P) || /__(palette|tabs|announce|consent|outdated|source)$/.test(k)) st.removeItem(k);
      }
    } catch (e) { /* blocked */ }
  };

  const quiz = root => {
    const data = JSON.parse($(root, ".training-data").textContent), S = data.strings, qs = [];
    const score = $(root, ".training-score");
    const total = () => fill(S.score, { score: qs.filter(q => q.ok).length, total: qs.length });
    const chosen = q => q.text ? q.text.value.trim() : q.inputs.filter(i => i.checked).map(i => i.value);
    const save = q => put(q.k, chosen(q).length ? { h: q.d.hash, v: chosen(q), c: q.ok != null } : null);
    const verdict = (el, ok) => {
      el.classList.toggle("is-correct", ok);
      el.classList.toggle("is-incorrect", !ok);
    };
    const grade = q => {
      const v = chosen(q), d = q.d, fb = q.fb;
      for (const i of q.inputs) {
        const f = $(i.parentNode, ".training-option__feedback"), ok = d.correct.includes(i.value);
        const w = $(f, ".training-verdict") || f.insertBefore(document.createElement("p"), f.firstChild);
        f.hidden = !i.checked;
        verdict(f, ok);
        w.className = "training-verdict";
        w.textContent = ok ? S.correct : S.incorrect;
      }
      q.ok = !v.length ? null : right(d, v);
      q.was = String(v);
      // Only whether it was right: a learning platform's package counts it (scorm.js).
      if (q.ok != null) root.dispatchEvent(new CustomEvent("training:graded",
        { bubbles: true, detail: { question: q.id, correct: q.ok } }));
      fb.textContent = "";
      if (q.ok === false && d.type === "multiple") fb.appendChild(document.createElement("p")).textContent = S.multiple_hint;
      const ex = $(q.fs, ".training-explanation");
      if (ex && q.ok != null) fb.append(ex.cloneNode(true));
      fb.hidden = !fb.firstChild;
      verdict(q.st, !!q.ok);
      score.textContent = total();
      if (q.ok == null) return say(q, q.text ? S.write_first : S.choose_first);
      score.hidden = q.retry.hidden = false;
      say(q, (q.ok ? S.correct : S.incorrect) + (qs.length > 1 ? ". " + total() : ""));
    };
    // Emptied first, so that a screen reader announces the same verdict again.
    const say = (q, text) => { q.st.textContent = ""; requestAnimationFrame(() => q.st.textContent = text); };
    // A changed answer has not been checked yet: the old verdict must not stand for it.
    const clear = q => {
      for (const i of q.inputs) $(i.parentNode, ".training-option__feedback").hidden = true;
      q.ok = null;
      q.st.textContent = "";
      q.st.className = "training-status";
      q.fb.hidden = true;
      score.textContent = total();
    };
    const reset = q => {
      for (const i of q.inputs) i.checked = false;
      if (q.text) q.text.value = "";
      clear(q);
      (q.text || q.inputs[0]).focus(); // Try again hides itself: keep focus in the question
      q.retry.hidden = true;
    };
    for (const fs of $$(root, ".training-question")) {
      const id = fs.dataset.question, q = {
        fs, id, d: data.questions[id], ok: null, k: key(`q/${L}/${root.dataset.trainingQuiz}/${id}`),
        inputs: $$(fs, ".training-option__input"), text: $(fs, ".training-text__input"),
        st: $(fs, ".training-status"), fb: $(fs, ".training-feedback"), retry: $(fs, ".training-retry")
      };
      const check = () => { grade(q); save(q); };
      qs.push(q);
      savers.push(() => save(q));
      $(fs, ".training-actions").hidden = false;
      $(fs, ".training-check").onclick = check;
      q.retry.onclick = () => { reset(q); save(q); };
      fs.onchange = () => { if (q.ok != null && String(chosen(q)) !== q.was) clear(q); save(q); };
      if (q.text) q.text.onkeydown = e => { if (e.key === "Enter") { e.preventDefault(); check(); } };
    }
    const done = kept() ? qs.filter(q => {
      const s = load(q.k);
      if (!s || s.h !== q.d.hash) return put(q.k, null);
      if (q.text) q.text.value = s.v; else for (const i of q.inputs) i.checked = s.v.includes(i.value);
      return s.c;
    }) : [];
    // Twice: the first pass learns every result, the second shows the final score.
    for (const q of [...done, ...done]) grade(q);
  };

  const checklist = root => {
    const items = $$(root, ".training-item__input"), prog = $(root, ".training-progress");
    const k = key(`c/${L}/${root.dataset.trainingChecklist}`), reset = $(root, ".training-reset");
    const update = () => prog.textContent = fill(prog.dataset.template, { done: items.filter(i => i.checked).length, total: items.length });
    const save = () => {
      const v = {};
      for (const i of items) if (i.checked) v[key(i.dataset.item)] = i.dataset.hash;
      put(k, Object.keys(v).length ? v : null);
    };
    const s = kept() && load(k);
    if (s) for (const i of items) i.checked = s[key(i.dataset.item)] === i.dataset.hash;
    root.onchange = e => { if (items.includes(e.target)) { update(); save(); } };
    reset.hidden = false;
    reset.onclick = () => { for (const i of items) i.checked = false; update(); save(); };
    savers.push(save);
    update();
    if (s) save(); // drops ticks of reworded items
  };

  const controls = el => {
    if (!ls || off) return; // storage unavailable or off here: nothing to opt in to
    const id = "training-keep-" + ++n, d = el.dataset;
    el.innerHTML = `<div class="training-storage__row"><input type="checkbox" id="${id}" aria-describedby="${id}h"><label for="${id}"></label></div><p class="training-storage__help" id="${id}h"></p><button type="button"></button><p role="status"></p>`;
    const box = $(el, "input"), btn = $(el, "button"), st = $(el, "[role=status]");
    $(el, "label").textContent = d.remember;
    $(el, "p").textContent = d.rememberHelp;
    btn.textContent = d.forget;
    box.checked = kept();
    boxes.push(box);
    const forget = () => { wipe(); sync(d.forgotten); };
    const sync = msg => { for (const b of boxes) b.checked = kept(); for (const f of savers) f(); st.textContent = msg; };
    box.onchange = () => {
      if (!box.checked) return forget();
      try { ls.setItem(KEEP, "1"); } catch (e) { /* blocked */ }
      sync(kept() ? d.remembered : "");
    };
    btn.onclick = forget;
  };

  const summary = root => {
    const { strings: S, modules: M } = JSON.parse($(root, ".training-data").textContent), btn = $(root, "button");
    const show = () => {
      $(root, "p").hidden = kept();
      for (const tr of $$(root, "tr[data-module]")) {
        const qs = M[tr.dataset.module], n = qs.length, [st, sc] = $$(tr, "td").slice(2);
        let a = 0, r = 0;
        for (const [z, id, d] of qs) {
          const s = kept() && load(key(`q/${L}/${z}/${id}`));
          if (s && s.h === d.hash && s.c) a++, r += right(d, s.v);
        }
        st.textContent = kept() && n ? a < n ? S.not_done : S.done : "";
        sc.textContent = kept() && n ? fill(S.score, { score: r, total: n }) : "";
      }
    };
    btn.hidden = false;
    btn.onclick = () => print();
    savers.push(show);
    show();
  };

  const init = () => {
    for (const [sel, fn] of [[".training-quiz", quiz], [".training-checklist", checklist], ["[data-training-summary]", summary], ["[data-training-storage]", controls]]) {
      for (const el of $$(document, sel)) {
        if (el.hasAttribute("data-training-ready")) continue; // idempotent
        el.setAttribute("data-training-ready", "");
        try { fn(el); } catch (e) { /* one broken block must not stop the others */ }
      }
    }
  };
  document.readyState === "loading" ? document.addEventListener("DOMContentLoaded", init) : init();
})();
