// The device check: camera, microphone, speaker and the connection to the video service,
// tried in this browser. Nothing of the picture or the sound leaves the device; what is sent
// (to this page's own server, for a personal link only) is each part's outcome.
(function () {
  "use strict";
  var main = document.getElementById("check");
  if (!main) return;
  var d = main.dataset;
  var $ = function (id) { return document.getElementById(id); };
  var PARTS = ["camera", "microphone", "speaker", "connection"];
  var result = { camera: "not_tried", microphone: "not_tried", speaker: "not_tried", connection: "not_tried" };
  var streams = [];
  var audio = null;
  var meterTimer = null;
  var sentFor = "";

  function state(part, outcome, text) {
    var el = $(part + "-state");
    if (!el) return;
    el.textContent = text || (outcome === "ok" ? d.ok : outcome === "failed" ? d.failed : d.running);
    el.className = "state " + outcome;
    if (outcome === "ok" || outcome === "failed") {
      result[part] = outcome;
      summarise();
    }
  }

  // The help for a failure: a copy of the page's hidden block for that reason.
  function help(part, reason) {
    var box = $(part + "-help");
    if (!box) return;
    box.textContent = "";
    if (reason) {
      var source = $("help-" + reason);
      for (var n = source.firstChild; n; n = n.nextSibling) box.appendChild(n.cloneNode(true));
    }
    box.hidden = !reason;
  }

  // Why getUserMedia failed, as the page explains it.
  function reason(error) {
    switch (error && error.name) {
      case "NotAllowedError": case "SecurityError": case "PermissionDeniedError": return "denied";
      case "NotFoundError": case "OverconstrainedError": case "DevicesNotFoundError": return "missing";
      case "NotReadableError": case "TrackStartError": case "AbortError": return "busy";
      default: return "unsupported";
    }
  }

  function media(constraints) {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      return Promise.reject({ name: "NotSupported" });
    }
    return navigator.mediaDevices.getUserMedia(constraints).then(function (s) {
      streams.push(s);
      return s;
    });
  }

  function camera() {
    state("camera", "running");
    help("camera", null);
    return media({ video: true }).then(function (stream) {
      var video = $("preview");
      video.srcObject = stream;
      video.hidden = false;
      return new Promise(function (resolve) {
        var seen = function () {
          if (video.videoWidth > 0) { state("camera", "ok"); resolve(); }
        };
        video.addEventListener("loadeddata", seen);
        video.addEventListener("resize", seen);
        var p = video.play();
        if (p && p.catch) p.catch(function () {});
        setTimeout(function () {
          if (result.camera !== "ok") { state("camera", "failed"); help("camera", "busy"); }
          resolve();
        }, 8000);
      });
    }, function (e) {
      state("camera", "failed");
      help("camera", reason(e));
    });
  }

  function microphone() {
    state("microphone", "running");
    help("microphone", null);
    return media({ audio: true }).then(function (stream) {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      audio = audio || new Ctx();
      var source = audio.createMediaStreamSource(stream);
      var analyser = audio.createAnalyser();
      analyser.fftSize = 1024;
      source.connect(analyser);
      var samples = new Float32Array(analyser.fftSize);
      var level = $("level");
      var told = "";
      var started = Date.now();
      clearInterval(meterTimer);
      meterTimer = setInterval(function () {
        analyser.getFloatTimeDomainData(samples);
        var sum = 0;
        for (var i = 0; i < samples.length; i++) sum += samples[i] * samples[i];
        var rms = Math.sqrt(sum / samples.length);
        var value = Math.min(100, Math.round(rms * 400));
        level.value = value;
        // The meter's text equivalent, told only when it changes; once the microphone was
        // heard, a pause between words does not say "nothing heard" again.
        var text = value >= 8 ? d.levelGood : value >= 2 ? d.levelLow : d.levelNone;
        if (text === d.levelNone && result.microphone === "ok") text = told;
        if (text !== told) { $("level-text").textContent = text; told = text; }
        if (value >= 2 && result.microphone !== "ok") {
          state("microphone", "ok");
          help("microphone", null);
        } else if (result.microphone === "not_tried" && Date.now() - started > 15000) {
          state("microphone", "failed");
          help("microphone", "silent");
        }
      }, 100);
    }, function (e) {
      state("microphone", "failed");
      help("microphone", reason(e));
    });
  }

  // The speaker: a short tone made in the page, and the citizen's answer whether it came.
  function play() {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      audio = audio || new Ctx();
      if (audio.resume) audio.resume();
      var tone = audio.createOscillator();
      var gain = audio.createGain();
      tone.frequency.value = 660;
      gain.gain.value = 0.2;
      tone.connect(gain);
      gain.connect(audio.destination);
      tone.start();
      tone.stop(audio.currentTime + 1);
    } catch (e) {
      // No audio at all: the citizen will say they heard nothing.
    }
    state("speaker", "running");
    $("heard").hidden = false;
    $("heard-yes").focus();
  }

  function heard(yes) {
    state("speaker", yes ? "ok" : "failed");
    $("speaker-help").hidden = yes;
    $("heard").hidden = true;
    $("play").focus();
  }

  // The connection: whether this browser can make WebRTC calls at all, and whether the video
  // service answers over HTTPS from this device and network (an opaque answer is enough; a
  // firewall, a captive portal or a filter makes the request fail).
  function connection() {
    if (!d.video) return Promise.resolve();
    state("connection", "running");
    if (typeof window.RTCPeerConnection !== "function") {
      state("connection", "failed", d.connectionUnsupported);
      return Promise.resolve();
    }
    var ctl = window.AbortController ? new AbortController() : null;
    var timer = setTimeout(function () { if (ctl) ctl.abort(); }, 8000);
    return fetch(d.video, {
      mode: "no-cors", cache: "no-store", credentials: "omit", referrerPolicy: "no-referrer",
      signal: ctl ? ctl.signal : undefined
    }).then(function () {
      state("connection", "ok", d.connectionOk);
    }, function () {
      state("connection", "failed", d.connectionFailed);
    }).then(function () { clearTimeout(timer); });
  }

  function summarise() {
    var failed = PARTS.filter(function (p) { return result[p] === "failed"; });
    var ready = result.camera === "ok" && result.microphone === "ok" &&
      result.speaker === "ok" && (!d.video || result.connection === "ok");
    $("summary").textContent = failed.length ? d.doneProblems : ready ? d.doneReady : "";
    $("again").hidden = failed.length === 0;
    send();
  }

  // The outcome goes to the server for a personal link, each time it changes. "Saved" is
  // said of the latest outcome only: an answer to an earlier one that comes later says nothing.
  function send() {
    if (!d.result) return;
    var body = JSON.stringify(result);
    if (body === sentFor) return;
    sentFor = body;
    $("saved").textContent = "";
    fetch(d.result, {
      method: "POST", credentials: "same-origin",
      headers: { "content-type": "application/json" }, body: body
    }).then(function (r) {
      if (body !== sentFor) return;
      $("saved").textContent = r.ok ? d.saved : d.errorSave;
      if (!r.ok) sentFor = "";
    }, function () {
      if (body !== sentFor) return;
      $("saved").textContent = d.errorSave;
      sentFor = "";
    });
  }

  function stop() {
    streams.forEach(function (s) { s.getTracks().forEach(function (t) { t.stop(); }); });
    streams = [];
    clearInterval(meterTimer);
  }

  function run() {
    stop();
    $("start").hidden = true;
    $("permission-note").hidden = true;
    $("again").hidden = true;
    // Camera first, then the microphone: each asks on its own, so each fails on its own.
    connection();
    camera().then(microphone);
  }

  $("start").addEventListener("click", run);
  $("again").addEventListener("click", run);
  $("play").addEventListener("click", play);
  $("heard-yes").addEventListener("click", function () { heard(true); });
  $("heard-no").addEventListener("click", function () { heard(false); });
  window.addEventListener("pagehide", stop);
})();
