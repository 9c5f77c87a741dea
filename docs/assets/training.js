/* Quizzes and checklists: enhances the HTML of hooks/training (which works without
   this file). Privacy: nothing is stored unless the reader opts in; keys are hashes
   of ids (no topic words); a saved answer keeps its question's hash and is dropped
   when the question changes. */
(() => {
  "use strict";

  const PREFIX = "tr-"; // every key of ours starts so: "Forget" finds them by it
  const KEEP = PREFIX + "keep"; // "1" once the reader has opted in
  const savers = []; // rerun when the reader opts in or out
  const keepBoxes = []; // every "Remember" box of the page, kept ticked alike
  let storage = null;
  let controlCount = 0;
  try {
    storage = localStorage;
  } catch {
    // Blocked: answers live in memory only.
  }

  const first = (parent, selector) => parent.querySelector(selector);
  const all = (parent, selector) => [...parent.querySelectorAll(selector)];
  const read = key => {
    try {
      return storage.getItem(key);
    } catch {
      return null;
    }
  };
  // A presentation shows quizzes to a room: there nothing is restored or kept.
  const memoryOff = !!document.querySelector("[data-training-memory=off]");
  const kept = () => !memoryOff && read(KEEP) === "1";
  const load = key => {
    try {
      return JSON.parse(read(key));
    } catch {
      return null;
    }
  };
  const store = (key, value) => {
    if (!kept()) return; // not opted in: write nothing at all
    try {
      if (value == null) storage.removeItem(key);
      else storage.setItem(key, JSON.stringify(value));
    } catch {
      // Storage full: the answer stays on the page only.
    }
  };

  // cyrb53: a neutral key name from an id.
  const keyOf = id => {
    let hash1 = 0xdeadbeef;
    let hash2 = 0x41c6ce57;
    for (const character of id) {
      const code = character.codePointAt(0);
      hash1 = Math.imul(hash1 ^ code, 2654435761);
      hash2 = Math.imul(hash2 ^ code, 1597334677);
    }
    hash1 = Math.imul(hash1 ^ (hash1 >>> 16), 2246822507) ^ Math.imul(hash2 ^ (hash2 >>> 13), 3266489909);
    hash2 = Math.imul(hash2 ^ (hash2 >>> 16), 2246822507) ^ Math.imul(hash1 ^ (hash1 >>> 13), 3266489909);
    return PREFIX + (4294967296 * (2097151 & hash2) + (hash1 >>> 0)).toString(36);
  };

  // Same rules as normalize_answer in training/answers.py. tests/unit/test_properties.py
  // runs this line on its own under node: keep its name, its parameter and no outside names.
  const norm = s => s.normalize("NFKC").toUpperCase().toLowerCase().normalize("NFKC").replace(/ς/g, "σ")
    .replace(/[^\p{L}\p{N}\p{M}\s]/gu, "").replace(/\s+/g, " ").trim().normalize("NFC");
  const fill = (template, values) =>
    template.replace(/\{(\w+)\}/g, (placeholder, name) => (name in values ? values[name] : placeholder));
  const isRight = (spec, answer) => spec.answers
    ? spec.answers.map(norm).includes(norm(answer))
    : answer.length === spec.correct.length && answer.every(value => spec.correct.includes(value));

  // Keys per language: hashes differ, so the other language must not drop this progress.
  const LANGUAGE = document.documentElement.lang;
  // Everything this site keeps: our keys and those of Material's features.
  const MATERIAL_KEY = /__(palette|tabs|announce|consent|outdated|source)$/;
  const wipe = () => {
    for (const name of ["localStorage", "sessionStorage"]) {
      try {
        const area = window[name];
        for (let i = area.length; i--;) {
          const key = area.key(i);
          if (key.startsWith(PREFIX) || MATERIAL_KEY.test(key)) area.removeItem(key);
        }
      } catch {
        // Blocked: nothing kept there.
      }
    }
  };

  const quiz = root => {
    const data = JSON.parse(first(root, ".training-data").textContent);
    const strings = data.strings;
    const questions = [];
    const score = first(root, ".training-score");
    const total = () => fill(strings.score, {
      score: questions.filter(question => question.right).length,
      total: questions.length,
    });
    const chosen = question => question.text
      ? question.text.value.trim()
      : question.inputs.filter(input => input.checked).map(input => input.value);
    // The stored form (h: the question's hash, v: the answer, c: checked) is the readers'
    // saved progress: renaming its fields would lose it.
    const save = question => store(question.key, chosen(question).length
      ? { h: question.spec.hash, v: chosen(question), c: question.right != null }
      : null);
    const showVerdict = (element, right) => {
      element.classList.toggle("is-correct", right);
      element.classList.toggle("is-incorrect", !right);
    };
    // Emptied first, so that a screen reader announces the same verdict again.
    const say = (question, text) => {
      question.status.textContent = "";
      requestAnimationFrame(() => {
        question.status.textContent = text;
      });
    };

    const grade = question => {
      const answer = chosen(question);
      const spec = question.spec;
      const feedback = question.feedback;
      for (const input of question.inputs) {
        const optionFeedback = first(input.parentNode, ".training-option__feedback");
        const right = spec.correct.includes(input.value);
        const verdict = first(optionFeedback, ".training-verdict")
          || optionFeedback.insertBefore(document.createElement("p"), optionFeedback.firstChild);
        optionFeedback.hidden = !input.checked;
        showVerdict(optionFeedback, right);
        verdict.className = "training-verdict";
        verdict.textContent = right ? strings.correct : strings.incorrect;
      }
      question.right = answer.length ? isRight(spec, answer) : null;
      question.graded = String(answer);
      // Only whether it was right: a learning platform's package counts it (scorm.js).
      if (question.right != null) {
        root.dispatchEvent(new CustomEvent("training:graded", {
          bubbles: true,
          detail: { question: question.id, correct: question.right },
        }));
      }
      feedback.textContent = "";
      if (question.right === false && spec.type === "multiple") {
        feedback.appendChild(document.createElement("p")).textContent = strings.multiple_hint;
      }
      const explanation = first(question.fieldset, ".training-explanation");
      if (explanation && question.right != null) feedback.append(explanation.cloneNode(true));
      feedback.hidden = !feedback.firstChild;
      showVerdict(question.status, !!question.right);
      score.textContent = total();
      if (question.right == null) {
        return say(question, question.text ? strings.write_first : strings.choose_first);
      }
      score.hidden = question.retry.hidden = false;
      const verdictText = question.right ? strings.correct : strings.incorrect;
      say(question, verdictText + (questions.length > 1 ? ". " + total() : ""));
    };

    // A changed answer has not been checked yet: the old verdict must not stand for it.
    const clear = question => {
      for (const input of question.inputs) {
        first(input.parentNode, ".training-option__feedback").hidden = true;
      }
      question.right = null;
      question.status.textContent = "";
      question.status.className = "training-status";
      question.feedback.hidden = true;
      score.textContent = total();
    };
    const reset = question => {
      for (const input of question.inputs) input.checked = false;
      if (question.text) question.text.value = "";
      clear(question);
      (question.text || question.inputs[0]).focus(); // Try again hides itself: keep focus in the question
      question.retry.hidden = true;
    };

    for (const fieldset of all(root, ".training-question")) {
      const id = fieldset.dataset.question;
      const question = {
        fieldset,
        id,
        spec: data.questions[id],
        right: null, // true or false once checked, null while unchecked
        key: keyOf(`q/${LANGUAGE}/${root.dataset.trainingQuiz}/${id}`),
        inputs: all(fieldset, ".training-option__input"),
        text: first(fieldset, ".training-text__input"),
        status: first(fieldset, ".training-status"),
        feedback: first(fieldset, ".training-feedback"),
        retry: first(fieldset, ".training-retry"),
      };
      const check = () => {
        grade(question);
        save(question);
      };
      questions.push(question);
      savers.push(() => save(question));
      first(fieldset, ".training-actions").hidden = false;
      first(fieldset, ".training-check").onclick = check;
      question.retry.onclick = () => {
        reset(question);
        save(question);
      };
      fieldset.onchange = () => {
        if (question.right != null && String(chosen(question)) !== question.graded) clear(question);
        save(question);
      };
      if (question.text) {
        question.text.onkeydown = event => {
          if (event.key !== "Enter") return;
          event.preventDefault();
          check();
        };
      }
    }

    const restored = kept() ? questions.filter(question => {
      const saved = load(question.key);
      if (!saved || saved.h !== question.spec.hash) {
        store(question.key, null);
        return false;
      }
      if (question.text) question.text.value = saved.v;
      else for (const input of question.inputs) input.checked = saved.v.includes(input.value);
      return saved.c;
    }) : [];
    // Twice: the first pass learns every result, the second shows the final score.
    for (const question of [...restored, ...restored]) grade(question);
  };

  const checklist = root => {
    const items = all(root, ".training-item__input");
    const progress = first(root, ".training-progress");
    const key = keyOf(`c/${LANGUAGE}/${root.dataset.trainingChecklist}`);
    const resetButton = first(root, ".training-reset");
    const update = () => {
      progress.textContent = fill(progress.dataset.template, {
        done: items.filter(item => item.checked).length,
        total: items.length,
      });
    };
    // Each ticked item by its key, with its text's hash: a reworded item is no longer ticked.
    const save = () => {
      const ticked = {};
      for (const item of items) {
        if (item.checked) ticked[keyOf(item.dataset.item)] = item.dataset.hash;
      }
      store(key, Object.keys(ticked).length ? ticked : null);
    };
    const saved = kept() && load(key);
    if (saved) {
      for (const item of items) item.checked = saved[keyOf(item.dataset.item)] === item.dataset.hash;
    }
    root.onchange = event => {
      if (!items.includes(event.target)) return;
      update();
      save();
    };
    resetButton.hidden = false;
    resetButton.onclick = () => {
      for (const item of items) item.checked = false;
      update();
      save();
    };
    savers.push(save);
    update();
    if (saved) save(); // drops ticks of reworded items
  };

  const storageControls = element => {
    if (!storage || memoryOff) return; // storage unavailable or off here: nothing to opt in to
    const id = "training-keep-" + ++controlCount;
    // A page says the texts once, on its first controls (hooks/training/checklist/render.py).
    const texts = (element.hasAttribute("data-remember")
      ? element : first(document, "[data-training-storage][data-remember]")).dataset;
    element.innerHTML = `<div class="training-storage__row"><input type="checkbox" id="${id}" aria-describedby="${id}h">`
      + `<label for="${id}"></label></div><p class="training-storage__help" id="${id}h"></p>`
      + `<button type="button"></button><p role="status"></p>`;
    const box = first(element, "input");
    const forgetButton = first(element, "button");
    const status = first(element, "[role=status]");
    first(element, "label").textContent = texts.remember;
    first(element, "p").textContent = texts.rememberHelp;
    forgetButton.textContent = texts.forget;
    box.checked = kept();
    keepBoxes.push(box);
    const sync = message => {
      for (const keepBox of keepBoxes) keepBox.checked = kept();
      for (const saver of savers) saver();
      status.textContent = message;
    };
    const forget = () => {
      wipe();
      sync(texts.forgotten);
    };
    box.onchange = () => {
      if (!box.checked) return forget();
      try {
        storage.setItem(KEEP, "1");
      } catch {
        // Blocked after all: the message below stays empty.
      }
      sync(kept() ? texts.remembered : "");
    };
    forgetButton.onclick = forget;
  };

  const summary = root => {
    const { strings, modules } = JSON.parse(first(root, ".training-data").textContent);
    const printButton = first(root, "button");
    const show = () => {
      first(root, "p").hidden = kept();
      for (const row of all(root, "tr[data-module]")) {
        const moduleQuestions = modules[row.dataset.module];
        const count = moduleQuestions.length;
        const [statusCell, scoreCell] = all(row, "td").slice(2);
        let answered = 0;
        let right = 0;
        for (const [quizId, id, spec] of moduleQuestions) {
          const saved = kept() && load(keyOf(`q/${LANGUAGE}/${quizId}/${id}`));
          if (saved && saved.h === spec.hash && saved.c) {
            answered++;
            right += isRight(spec, saved.v);
          }
        }
        statusCell.textContent = kept() && count ? (answered < count ? strings.not_done : strings.done) : "";
        scoreCell.textContent = kept() && count ? fill(strings.score, { score: right, total: count }) : "";
      }
    };
    printButton.hidden = false;
    printButton.onclick = () => print();
    savers.push(show);
    show();
  };

  const ENHANCERS = [
    [".training-quiz", quiz],
    [".training-checklist", checklist],
    ["[data-training-summary]", summary],
    ["[data-training-storage]", storageControls],
  ];
  const init = () => {
    for (const [selector, enhance] of ENHANCERS) {
      for (const element of all(document, selector)) {
        if (element.hasAttribute("data-training-ready")) continue; // idempotent
        element.setAttribute("data-training-ready", "");
        try {
          enhance(element);
        } catch {
          // One broken block must not stop the others.
        }
      }
    }
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
