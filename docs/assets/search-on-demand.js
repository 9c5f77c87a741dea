/* Search on demand, in the page's own language.
 *
 * Material starts its search worker and requests the search index as soon as a page loads;
 * on a phone with little data that is a third of the page's weight, for a feature few
 * readers use. This script runs before Material's and holds both back until the reader
 * opens search, and points the index request at the index of the page's own language (the
 * build writes one per language). Material's code is untouched: it sees a worker that is
 * slow to answer, and shows "Initialising search" meanwhile.
 */
(() => {
  "use strict";
  // Read now: document.currentScript is only set while this script first runs.
  const script = document.currentScript;
  const indexAttribute = script && script.getAttribute("data-index");
  if (!indexAttribute) return;
  const ownIndex = new URL(indexAttribute, document.baseURI).href;
  const INDEX = /\/search\/search_index\.json$/;
  const WORKER = /\/workers\/search\.[^/]*\.js$/;
  let opened = false;
  const waiting = [];

  const whenSearchOpens = start => {
    if (opened) start();
    else waiting.push(start);
  };
  const searchOpened = () => {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(start => start());
  };
  // Opening search: the search field gets focus (click, tap, or the "/" and "s" keys),
  // or the search toggle is switched on (the magnifier button on small screens).
  document.addEventListener("focusin", event => {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) searchOpened();
  });
  document.addEventListener("change", event => {
    if (event.target.id === "__search" && event.target.checked) searchOpened();
  });

  // The index: this language's own file, sent once search opens. These stay functions:
  // they run as methods of the request (this).
  const open = XMLHttpRequest.prototype.open;
  const send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (...args) {
    // args: method, URL, then the optional ones, passed on as they came.
    this.searchIndex = INDEX.test(String(args[1]).split(/[?#]/)[0]);
    if (this.searchIndex) args[1] = ownIndex;
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function (...args) {
    if (!this.searchIndex) return send.apply(this, args);
    whenSearchOpens(() => send.apply(this, args));
  };

  // Finnish inflects words where English adds prepositions: "palkan", "työsopimuksen" and
  // "lomarahaa" are forms of "palkka", "työsopimus" and "lomaraha". Material matches the
  // start of words, so a long query word is cut to the start its forms share.
  // (Stemming the index as well, lunr's other way, finds nothing: see CONTRIBUTING.md.)
  const ENDINGS = /(iden|itten|ista|istä|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|tta|ttä|ine|en|an|än|na|nä|ta|tä|aa|ää|ja|jä|it|in|n|t|a|ä)$/;
  const wordStart = word => {
    if (word.length < 6) return word;
    let start = word.toLowerCase().replace(ENDINGS, "");
    if (start.length < 4) return word;
    if (start.length > 4) start = start.replace(/[aeiouyäö]$/, "");
    return start.replace(/uks$/, "u").replace(/is$/, "i").replace(/(kk|pp|tt)$/, double => double.charAt(0));
  };
  const widened = message => {
    const query = message && message.type === 2 && typeof message.data === "string";
    if (!query || document.documentElement.lang !== "fi") return message;
    return { type: message.type, data: message.data.split(/(\s+)/).map(wordStart).join("") };
  };

  // The worker: a stand-in that keeps Material's listeners and messages until search opens.
  const RealWorker = window.Worker;
  if (!RealWorker) return;
  // A function, not an arrow: Material calls it with new.
  window.Worker = function (url, options) {
    if (opened || !WORKER.test(String(url))) return new RealWorker(url, options);
    let real = null;
    let listeners = [];
    const messages = [];
    whenSearchOpens(() => {
      real = new RealWorker(url, options);
      listeners.forEach(listener => real.addEventListener(...listener));
      messages.forEach(message => real.postMessage(...message));
    });
    return {
      addEventListener: (...args) => {
        if (real) real.addEventListener(...args);
        else listeners.push(args);
      },
      removeEventListener: (...args) => {
        if (real) return real.removeEventListener(...args);
        const [type, listener] = args;
        listeners = listeners.filter(stored => stored[0] !== type || stored[1] !== listener);
      },
      postMessage: (message, transfer) => {
        const args = [widened(message)].concat(transfer ? [transfer] : []);
        if (real) real.postMessage(...args);
        else messages.push(args);
      },
      terminate: () => {
        if (real) real.terminate();
      },
    };
  };
})();
