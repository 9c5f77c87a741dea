/* Search on demand, in the page's own language.
 *
 * Material starts its search worker and requests the search index as soon as a page loads;
 * on a phone with little data that is a third of the page's weight, for a feature few
 * readers use. This script runs before Material's and holds both back until the reader
 * opens search, and points the index request at the index of the page's own language (the
 * build writes one per language). Material's code is untouched: it sees a worker that is
 * slow to answer, and shows "Initialising search" meanwhile.
 */
(function () {
  "use strict";
  var me = document.currentScript;
  var ownIndex = me && me.getAttribute("data-index");
  if (!ownIndex) return;
  ownIndex = new URL(ownIndex, document.baseURI).href;
  var INDEX = /\/search\/search_index\.json$/;
  var WORKER = /\/workers\/search\.[^/]*\.js$/;
  var opened = false;
  var waiting = [];

  function whenSearchOpens(start) {
    if (opened) start(); else waiting.push(start);
  }
  function searchOpened() {
    if (opened) return;
    opened = true;
    waiting.splice(0).forEach(function (start) { start(); });
  }
  // Opening search: the search field gets focus (click, tap, or the "/" and "s" keys),
  // or the search toggle is switched on (the magnifier button on small screens).
  document.addEventListener("focusin", function (event) {
    if (event.target.matches && event.target.matches("[data-md-component=search-query]")) searchOpened();
  });
  document.addEventListener("change", function (event) {
    if (event.target.id === "__search" && event.target.checked) searchOpened();
  });

  // The index: this language's own file, sent once search opens.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    var args = Array.prototype.slice.call(arguments);
    this.searchIndex = INDEX.test(String(url).split(/[?#]/)[0]);
    if (this.searchIndex) args[1] = ownIndex;
    return open.apply(this, args);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.searchIndex) return send.apply(request, args);
    whenSearchOpens(function () { send.apply(request, args); });
  };

  // Finnish inflects words where English adds prepositions: "palkan", "työsopimuksen" and
  // "lomarahaa" are forms of "palkka", "työsopimus" and "lomaraha". Material matches the
  // start of words, so a long query word is cut to the start its forms share.
  // (Stemming the index as well, lunr's other way, finds nothing: see CONTRIBUTING.md.)
  var ENDINGS = /(iden|itten|ista|istä|ssa|ssä|sta|stä|lla|llä|lta|ltä|lle|ksi|tta|ttä|ine|en|an|än|na|nä|ta|tä|aa|ää|ja|jä|it|in|n|t|a|ä)$/;
  function wordStart(word) {
    if (word.length < 6) return word;
    var start = word.toLowerCase().replace(ENDINGS, "");
    if (start.length < 4) return word;
    if (start.length > 4) start = start.replace(/[aeiouyäö]$/, "");
    return start.replace(/uks$/, "u").replace(/is$/, "i").replace(/(kk|pp|tt)$/, function (double) {
      return double.charAt(0);
    });
  }
  function widened(message) {
    var query = message && message.type === 2 && typeof message.data === "string";
    if (!query || document.documentElement.lang !== "fi") return message;
    return { type: message.type, data: message.data.split(/(\s+)/).map(wordStart).join("") };
  }

  // The worker: a stand-in that keeps Material's listeners and messages until search opens.
  var RealWorker = window.Worker;
  if (!RealWorker) return;
  window.Worker = function (url, options) {
    if (opened || !WORKER.test(String(url))) return new RealWorker(url, options);
    var real = null, listeners = [], messages = [];
    whenSearchOpens(function () {
      real = new RealWorker(url, options);
      listeners.forEach(function (listener) { real.addEventListener.apply(real, listener); });
      messages.forEach(function (message) { real.postMessage.apply(real, message); });
    });
    return {
      addEventListener: function () {
        if (real) real.addEventListener.apply(real, arguments); else listeners.push(arguments);
      },
      removeEventListener: function (type, listener) {
        if (real) return real.removeEventListener.apply(real, arguments);
        listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
      },
      postMessage: function (message, transfer) {
        var args = [widened(message)].concat(transfer ? [transfer] : []);
        if (real) real.postMessage.apply(real, args); else messages.push(args);
      },
      terminate: function () { if (real) real.terminate(); }
    };
  };
})();
