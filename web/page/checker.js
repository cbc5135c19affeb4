// The checker page: the loader of rung's WebAssembly engine (a plain C-ABI module, see
// web/src/lib.rs) and the form around it. No request ever leaves the page.
(function () {
  "use strict";

  // ---- The engine ---------------------------------------------------------------------
  // Compiled at once where the browser allows it (Chromium does for modules under 8 MB), so
  // that window.rung.analyze works as soon as this script has run; else asynchronously, and
  // window.rung.ready says when.
  var wasm = null, enc = new TextEncoder(), dec = new TextDecoder();
  var ready = (function () {
    var b64 = document.getElementById("rung-wasm").textContent.trim();
    var bin = atob(b64), bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    try {
      wasm = new WebAssembly.Instance(new WebAssembly.Module(bytes), {}).exports;
      return Promise.resolve(wasm);
    } catch (e) {
      return WebAssembly.instantiate(bytes, {}).then(function (r) { return r.instance.exports; });
    }
  })();

  // One JSON request in, one JSON answer out; an answer with `error` throws.
  function call(request) {
    if (!wasm) throw new Error("rung is still loading: await window.rung.ready first");
    var input = enc.encode(JSON.stringify(request));
    var ptr = wasm.rung_alloc(input.length);
    new Uint8Array(wasm.memory.buffer, ptr, input.length).set(input);
    var len = wasm.rung_call(ptr, input.length);
    wasm.rung_free(ptr, input.length);
    var answer = JSON.parse(dec.decode(new Uint8Array(wasm.memory.buffer, wasm.rung_result_ptr(), len)));
    if (answer.error) throw new Error(answer.error);
    return answer;
  }

  function request(title, description, options) {
    options = options || {};
    return {
      op: "analyze", title: String(title == null ? "" : title),
      description: String(description == null ? "" : description),
      id: options.id == null ? null : String(options.id),
      declared: options.declared || options.declared_level || null,
      lang: options.lang || options.language || null,
      title_at: options.titleAt || options.title_at || null,
      description_at: options.descriptionAt || options.description_at || null,
      now: Date.now() / 1000
    };
  }

  var api = {
    ready: null,
    version: null,
    // The analysis object: what `rung check --format json` prints, parsed. options: {id,
    // declared (a level, as --declared takes it), lang (an ISO 639-1 code, as --lang takes
    // it; empty or "auto" detects), titleAt, descriptionAt (where the title and the text start
    // in a file, {line, column}, as read() gives them: spans then give the file's lines)}; the
    // id defaults to "posting".
    analyze: function (title, description, options) {
      return JSON.parse(call(request(title, description, options)).json);
    },
    // The same, as the exact text `rung check --format json` prints.
    analyzeJson: function (title, description, options) {
      return call(request(title, description, options)).json;
    },
    // The analysis with the HTML of the title and text with their evidence marked.
    analyzeFull: function (title, description, options) {
      return call(request(title, description, options));
    },
    // A file's text split as `rung check FILE` splits it: {title, description, title_at,
    // description_at}.
    read: function (name, text) { return call({ op: "read", name: String(name), text: String(text) }); }
  };
  if (wasm) api.version = call({ op: "version" }).version;
  api.ready = ready.then(function (exports) {
    wasm = exports;
    api.version = call({ op: "version" }).version;
    return api;
  });
  window.rung = api;

  // ---- The page -----------------------------------------------------------------------
  function $(id) { return document.getElementById(id); }
  var form = $("form"), title = $("title"), text = $("text"), declared = $("declared"),
      lang = $("lang"), copy = $("copy"), status = $("status"), tip = $("tip");
  // fileAt: where the opened file's title and text start in it, until either is edited.
  var lastJson = null, timer = null, fileId = null, fileAt = null;

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }
  var RANK = { internship: 0, entry: 1, associate: 2, "mid-senior": 3, director: 4, executive: 5 };
  function badge(level, big) {
    var cls = level == null ? "none" : level in RANK ? "l" + RANK[level] : "undet";
    return '<span class="lv ' + cls + (big ? " big" : "") + '">' + esc(level == null ? "—" : level) + "</span>";
  }
  function years(n) { return Number.isInteger(n) ? String(n) : String(+n.toFixed(1)); }

  function facts(a) {
    var rows = [];
    rows.push(["Title says", badge(a.title_level) + (a.title_level ? "" : ' <small>no level in the title</small>')]);
    if (a.declared_level) rows.push(["You advertise", badge(a.declared_level)]);
    var e = a.experience, y;
    if (e.min_years != null && e.max_years != null && e.max_years !== e.min_years) y = years(e.min_years) + "–" + years(e.max_years) + " years";
    else if (e.min_years != null) y = years(e.min_years) + "+ years";
    else y = "none asked";
    if (e.preferred_years != null) y += " <small>(" + years(e.preferred_years) + " preferred)</small>";
    rows.push(["Experience", y]);
    var d = a.degree;
    rows.push(["Degree", d.level ? esc(d.level) + " " + (d.required === false ? "preferred" : "required") +
      (d.or_equivalent ? " <small>or equivalent</small>" : "") : "none asked"]);
    var l = a.leadership, lead = [];
    [["people_management", "manages people"], ["mentoring", "mentoring"], ["leads_work", "leads work"],
     ["strategy", "strategy"], ["budget", "budget"]].forEach(function (p) { if (l[p[0]]) lead.push(p[1]); });
    rows.push(["Leadership", lead.length ? lead.join(", ") : "none"]);
    rows.push(["Autonomy", a.autonomy ? esc(a.autonomy) : "not stated"]);
    rows.push(["Language", esc(a.lang)]);
    return rows.map(function (r) { return "<div><dt>" + r[0] + "</dt><dd>" + r[1] + "</dd></div>"; }).join("");
  }

  // The headline in words: does the title say what the requirements ask?
  function verdict(a) {
    var implied = "<b>" + esc(a.implied_level) + "</b>", t = a.title_level;
    if (a.implied_level === "undetermined")
      return "The text says too little about experience, degrees or responsibilities to place it on the ladder.";
    if (!t) return "The requirements read as " + implied + "; the title names no level.";
    if (t === a.implied_level) return "The title and the requirements agree: " + implied + ".";
    return "The title says <b>" + esc(t) + "</b>, but the requirements read as " + implied + ".";
  }

  function show(result, ms) {
    var a = JSON.parse(result.json);
    lastJson = result.json;
    $("implied").innerHTML = badge(a.implied_level, true);
    $("confidence").innerHTML = a.implied_level === "undetermined"
      ? "too little in the text to tell"
      : "confidence <b>" + a.confidence.toFixed(2) + "</b>" + (a.band ? " · band <b>" + esc(a.band) + "</b>" : "");
    $("verdict").innerHTML = verdict(a);
    $("facts").innerHTML = facts(a);
    $("findings").innerHTML = a.findings.length ? a.findings.map(function (f) {
      return '<li><span class="chip ' + esc(f.severity) + '">' + esc(f.severity) + "</span> <code>" + esc(f.code) +
        "</code> " + esc(f.message) + "</li>";
    }).join("") : '<li class="none">No findings: the title and the requirements agree.</li>';
    $("marked-title").innerHTML = result.title_html || '<span class="note">(no title)</span>';
    $("marked").innerHTML = result.description_html;
    document.querySelectorAll("#result mark[title]").forEach(function (m) { m.tabIndex = 0; });
    $("out").hidden = false;
    $("empty").hidden = true;
    $("error").hidden = true;
    copy.disabled = false;
    $("timing").textContent = " · analysed in " + ms.toFixed(1) + " ms" +
      (result.truncated ? " · the posting is very long: only its start was read" : "");
    document.body.dataset.state = "done";
  }

  function check() {
    clearTimeout(timer);
    hideTip();
    if (!wasm) return;
    if (!title.value.trim() && !text.value.trim()) {
      $("out").hidden = true; $("empty").hidden = false; $("error").hidden = true;
      copy.disabled = true; lastJson = null; $("timing").textContent = "";
      document.body.dataset.state = "empty";
      return;
    }
    try {
      var t0 = performance.now();
      var result = api.analyzeFull(title.value, text.value,
        { id: fileId, declared: declared.value, lang: lang.value,
          titleAt: fileAt && fileAt.title, descriptionAt: fileAt && fileAt.description });
      show(result, performance.now() - t0);
    } catch (e) {
      $("error").textContent = e.message;
      $("error").hidden = false;
      document.body.dataset.state = "error";
    }
  }
  function later() { clearTimeout(timer); timer = setTimeout(check, 250); }

  form.addEventListener("submit", function (e) { e.preventDefault(); check(); });
  [title, text].forEach(function (el) {
    el.addEventListener("input", function () { fileAt = null; later(); });
  });
  [declared, lang].forEach(function (el) { el.addEventListener("change", check); });
  $("clear").addEventListener("click", function () {
    title.value = ""; text.value = ""; fileId = null; fileAt = null; check(); title.focus();
  });

  // The status of the last copy only: a second copy within the 2.5 s that a message stays
  // neither keeps the first one's message nor has its own cleared by the first one's timer.
  var statusTimer = null;
  copy.addEventListener("click", function () {
    if (lastJson == null) return;
    clearTimeout(statusTimer);
    status.textContent = "";
    function done(ok) {
      status.textContent = ok ? "JSON copied" : "copy failed: select the text by hand";
      statusTimer = setTimeout(function () { status.textContent = ""; }, 2500);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(lastJson).then(function () { done(true); }, fallback);
    } else fallback();
    function fallback() {
      var area = document.createElement("textarea");
      area.value = lastJson; document.body.appendChild(area); area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      area.remove(); done(ok);
    }
  });

  // Files: dropped anywhere on the page, or chosen with the button.
  function open(file) {
    file.text().then(function (content) {
      var posting = api.read(file.name, content);
      title.value = posting.title;
      text.value = posting.description;
      fileId = file.name;
      fileAt = { title: posting.title_at, description: posting.description_at };
      check();
    }).catch(function (e) {
      $("error").textContent = file.name + ": " + e.message;
      $("error").hidden = false;
    });
  }
  $("file").addEventListener("change", function () {
    if (this.files[0]) open(this.files[0]);
    this.value = "";
  });
  document.querySelector(".file-button").addEventListener("keydown", function (e) {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); $("file").click(); }
  });
  var depth = 0, drop = $("drop");
  document.addEventListener("dragenter", function (e) { e.preventDefault(); depth++; drop.hidden = false; });
  document.addEventListener("dragleave", function () { if (--depth <= 0) { depth = 0; drop.hidden = true; } });
  document.addEventListener("dragover", function (e) { e.preventDefault(); });
  document.addEventListener("drop", function (e) {
    e.preventDefault(); depth = 0; drop.hidden = true;
    var f = e.dataTransfer && e.dataTransfer.files[0];
    if (f) open(f);
  });
  // Typing a posting by hand makes it no longer the file's.
  text.addEventListener("input", function () { if (!text.value) fileId = null; });

  // Each mark explains itself: the title attribute on hover, this tip on tap or focus.
  var shown = null;
  function showTip(mark) {
    if (shown && shown !== mark) hideTip();
    var label = mark.getAttribute("title") || mark.dataset.label;
    if (!label) return;
    mark.dataset.label = label;
    mark.removeAttribute("title"); // the tip replaces the native tooltip while shown
    shown = mark;
    tip.textContent = label;
    tip.className = mark.className;
    tip.hidden = false;
    var r = mark.getBoundingClientRect(), w = Math.min(360, window.innerWidth - 16);
    tip.style.maxWidth = w + "px";
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX + window.innerWidth - tip.offsetWidth - 8));
    tip.style.left = left + "px";
    tip.style.top = (r.bottom + window.scrollY + 6) + "px";
  }
  function hideTip() {
    if (shown) { shown.setAttribute("title", shown.dataset.label); shown = null; }
    tip.hidden = true;
  }
  var result = $("result");
  document.addEventListener("click", function (e) {
    var m = e.target.closest("mark[title], mark[data-label]");
    if (m) showTip(m); else hideTip();
  });
  result.addEventListener("focusin", function (e) { if (e.target.matches("mark")) showTip(e.target); });
  result.addEventListener("focusout", function (e) { if (e.target === shown) hideTip(); });
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hideTip(); });
  window.addEventListener("resize", hideTip);

  api.ready.then(function () {
    $("version").textContent = api.version;
    // The first analysis builds the matchers from the lexicons (a few hundred ms): done now,
    // so that the first posting pasted is answered at once.
    if (!title.value && !text.value) api.analyze("", "");
    document.body.dataset.ready = "true";
    check();
  }, function (e) {
    $("error").textContent = "This browser could not start rung's engine: " + e.message;
    $("error").hidden = false;
  });
})();
