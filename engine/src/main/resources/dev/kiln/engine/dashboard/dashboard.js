// The Kiln dashboard: polls GET /api/vms (every VM now, cumulative figures) and each running
// VM's log tail, keeps the last minutes of readings here, and draws them with uPlot. The daemon
// keeps no history for it: rates come from two readings, as `kiln stats` computes them.
//
// Everything a guest wrote (log lines, metric names) and every name reaches the document as
// text (textContent, createElement), never as markup; the page's Content-Security-Policy
// forbids inline script and other origins besides.
(function () {
  "use strict";
  const POLL_MS = 2000;
  const WINDOW_S = 5 * 60;
  const LOG_LINES = 60;
  const history = new Map();   // VM id -> {run, last, t, cpu, mem, rx, tx, app: Map(name -> {kind, values})}
  const cards = new Map();     // VM id -> card (elements and plots)
  // A card's log is fetched only while the card is on screen: a host of many VMs costs the daemon
  // a log read per visible card and poll, not one per VM.
  const onScreen = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) { e.target.kilnVisible = e.isIntersecting; });
  });
  const violations = [];       // Content-Security-Policy violations, shown and exposed to tests
  window.kilnDashboard = { violations: violations, polls: 0 };
  document.addEventListener("securitypolicyviolation", function (e) {
    violations.push(e.violatedDirective + " " + e.blockedURI);
    setStatus("content security policy blocked " + e.violatedDirective + " " + e.blockedURI, true);
  });

  function el(tag, cls, text) {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = String(text);
    return e;
  }

  function setStatus(text, error) {
    const s = document.getElementById("status");
    s.textContent = text;
    s.classList.toggle("error", !!error);
  }

  function bytes(n) {
    if (n === null || n === undefined) return "--";
    const units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let i = 0;
    while (n >= 1024 && i < units.length - 1) { n /= 1024; i++; }
    return (i === 0 ? n.toFixed(0) : n.toFixed(1)) + units[i];
  }

  function duration(seconds) {
    seconds = Math.max(0, Math.floor(seconds));
    const d = Math.floor(seconds / 86400), h = Math.floor(seconds / 3600) % 24, m = Math.floor(seconds / 60) % 60, s = seconds % 60;
    if (d > 0) return d + "d " + h + "h";
    if (h > 0) return h + "h " + m + "m";
    if (m > 0) return m + "m " + s + "s";
    return s + "s";
  }

  // One reading of a VM into its history: rates from the previous reading of the same run.
  function record(vm, t) {
    let h = history.get(vm.id);
    const f = vm.figures;
    if (!f) return h;
    if (!h || h.run !== vm.startedAt) {
      h = { run: vm.startedAt, last: null, t: [], cpu: [], mem: [], rx: [], tx: [], app: new Map() };
      history.set(vm.id, h);
    }
    const prev = h.last;
    h.last = f;
    const appNow = new Map(vm.app.map(function (m) { return [m.name, m]; }));
    if (prev === null) { h.lastApp = appNow; return h; }
    const dt = (f.readAtNanos - prev.readAtNanos) / 1e9;
    if (!(dt > 0)) return h;
    const rate = function (now, before) {
      return now === null || now === undefined || before === null || before === undefined || now < before ? null : (now - before) / dt;
    };
    h.t.push(t);
    const cpu = rate(f.vcpuNanos, prev.vcpuNanos);
    h.cpu.push(cpu === null ? null : cpu / 1e9 * 100);
    h.mem.push(f.memoryTouchedBytes === undefined ? null : f.memoryTouchedBytes / 1048576);
    const rx = rate(f.netRxBytes, prev.netRxBytes), tx = rate(f.netTxBytes, prev.netTxBytes);
    h.rx.push(rx === null ? null : rx / 1024);
    h.tx.push(tx === null ? null : tx / 1024);
    const n = h.t.length;
    appNow.forEach(function (m, name) {
      let s = h.app.get(name);
      if (!s || s.kind !== m.kind) { s = { kind: m.kind, values: new Array(n - 1).fill(null) }; h.app.set(name, s); }
      const before = h.lastApp.get(name);
      s.values.push(m.kind === "counter" ? rate(m.value, before && before.kind === "counter" ? before.value : null) : m.value);
    });
    h.app.forEach(function (s, name) { if (s.values.length < n) s.values.push(null); });
    h.lastApp = appNow;
    // the last WINDOW_S seconds only
    let drop = 0;
    while (drop < h.t.length && h.t[drop] < t - WINDOW_S) drop++;
    if (drop > 0) {
      ["t", "cpu", "mem", "rx", "tx"].forEach(function (k) { h[k].splice(0, drop); });
      h.app.forEach(function (s) { s.values.splice(0, drop); });
    }
    return h;
  }

  function row(vm, now) {
    const tr = el("tr");
    tr.dataset.vm = vm.name;
    tr.appendChild(el("td", "name", vm.name));
    tr.appendChild(el("td", "state-" + vm.status, vm.status + (vm.status === "exited" && vm.exitCode !== undefined ? " (" + vm.exitCode + ")" : "")));
    tr.appendChild(el("td", vm.health ? "health-" + vm.health : "", vm.health || "--"));
    tr.appendChild(el("td", "num", vm.status === "running" && vm.startedAt ? duration(now - Date.parse(vm.startedAt) / 1000) : "--"));
    tr.appendChild(el("td", "num", vm.restarts));
    const h = history.get(vm.id);
    const last = function (a) { return h && a.length ? a[a.length - 1] : null; };
    const cpu = vm.figures && h ? last(h.cpu) : null;
    tr.appendChild(el("td", "num", cpu === null ? "--" : cpu.toFixed(1) + "%"));
    const f = vm.figures;
    tr.appendChild(el("td", "num", f ? bytes(f.memoryTouchedBytes) + " / " + bytes(f.memoryLimitBytes) : "--"));
    const rx = f && h ? last(h.rx) : null, tx = f && h ? last(h.tx) : null;
    tr.appendChild(el("td", "num", rx === null && tx === null ? "--"
        : bytes(rx === null ? null : rx * 1024) + "/s / " + bytes(tx === null ? null : tx * 1024) + "/s"));
    tr.appendChild(el("td", "image", vm.image));
    return tr;
  }

  // An axis value short enough for its column: 1234, 12.3, 0.12.
  function tick(v) {
    const a = Math.abs(v);
    return Number.isInteger(v) || a >= 100 ? v.toFixed(0) : a >= 10 ? v.toFixed(1) : a >= 1 ? v.toFixed(2) : v.toPrecision(2);
  }

  // A plot of one or more series over time, or a line saying there is nothing to draw.
  // fromZero: the figure is never negative, so its axis starts at 0 (a flat line stays low, not mid-plot).
  function plot(title, cls, unit, fromZero) {
    const box = el("div", "plot " + cls);
    box.appendChild(el("div", "title", title));
    const area = el("div", "area");
    box.appendChild(area);
    return { box: box, area: area, unit: unit, fromZero: fromZero, chart: null, names: null };
  }

  // none: what an empty plot says instead (no net device, no stats page ...)
  function draw(p, t, series, none) {
    const names = series.map(function (s) { return s.name; }).join("\u0000");
    p.box.dataset.points = String(t.length);
    if (series.length === 0) {
      if (p.chart) { p.chart.destroy(); p.chart = null; }
      p.area.replaceChildren(el("div", "none", none || "no figures yet"));
      p.names = names;
      return;
    }
    const data = [t].concat(series.map(function (s) { return s.values; }));
    if (p.chart && p.names === names) { p.chart.setData(data); return; }
    if (p.chart) p.chart.destroy();
    p.area.replaceChildren();
    const colors = ["#1f6feb", "#d1242f", "#1a7f37", "#8250df", "#bf8700", "#0598bc"];
    p.chart = new uPlot({
      width: Math.max(200, p.box.clientWidth || 260), height: 140,
      legend: { show: true, live: false },
      cursor: { show: false },
      scales: p.fromZero ? { x: { time: true }, y: { range: function (u, min, max) { return [0, max > 0 ? max * 1.1 : 1]; } } }
                         : { x: { time: true } },
      axes: [{ size: 28 }, { size: 64, values: function (u, vals) { return vals.map(function (v) { return tick(v) + p.unit; }); } }],
      series: [{}].concat(series.map(function (s, i) { return { label: s.name, stroke: colors[i % colors.length], width: 1.5, spanGaps: false }; }))
    }, data, p.area);
    p.names = names;
  }

  function card(vm) {
    let c = cards.get(vm.id);
    if (c) return c;
    const root = el("section", "card");
    root.dataset.vm = vm.name;
    const h2 = el("h2", null, vm.name);
    h2.appendChild(el("span", "id", vm.id.substring(0, 12)));
    const state = el("span", "state");
    h2.appendChild(state);
    root.appendChild(h2);
    const plots = el("div", "plots");
    c = { root: root, cpu: plot("vCPU (% of one CPU)", "plot-cpu", "%", true), mem: plot("memory touched (MiB)", "plot-mem", "", true),
          net: plot("net rx / tx (KiB/s)", "plot-net", "", true), app: plot("app counters (/s) and gauges", "plot-app", "", false),
          logs: el("pre", "logs"), state: state, logBusy: false };
    [c.cpu, c.mem, c.net, c.app].forEach(function (p) { plots.appendChild(p.box); });
    root.appendChild(plots);
    root.appendChild(c.logs);
    root.kilnVisible = true; // until the observer first says otherwise
    onScreen.observe(root);
    cards.set(vm.id, c);
    return c;
  }

  function showLogs(c, entries) {
    const atBottom = c.logs.scrollTop + c.logs.clientHeight >= c.logs.scrollHeight - 4;
    const lines = entries.map(function (e) {
      const line = el("div", e.stream === "kiln" ? "kiln" : "console", e.log.replace(/\n$/, ""));
      return line;
    });
    c.logs.replaceChildren.apply(c.logs, lines);
    c.logs.dataset.lines = String(lines.length);
    if (atBottom) c.logs.scrollTop = c.logs.scrollHeight;
  }

  function fetchLogs(vm, c) {
    if (c.logBusy) return;
    c.logBusy = true;
    fetch("/api/vms/" + encodeURIComponent(vm.id) + "/logs?tail=" + LOG_LINES, { cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error("logs: HTTP " + r.status); return r.json(); })
      .then(function (entries) { showLogs(c, entries); })
      .catch(function (e) { c.logs.replaceChildren(el("div", "kiln", "cannot read the log: " + e.message)); })
      .finally(function () { c.logBusy = false; });
  }

  function render(view) {
    const now = Date.parse(view.readAt) / 1000;
    const body = document.querySelector("#vms tbody");
    const shown = new Set();
    const rows = [];
    const cardList = document.getElementById("cards");
    view.vms.forEach(function (vm) {
      const h = record(vm, now);
      rows.push(row(vm, now));
      // every VM gets a card: a VM that ended keeps its last plots and shows why it ended in its log
      shown.add(vm.id);
      const stopped = vm.figures ? null : "not running";
      const c = card(vm);
      if (c.root.parentNode !== cardList) cardList.appendChild(c.root);
      const t = h ? h.t : [];
      draw(c.cpu, t, h ? [{ name: "CPU %", values: h.cpu }] : [], stopped);
      draw(c.mem, t, h ? [{ name: "MiB", values: h.mem }] : [], stopped);
      const f = vm.figures || (h && h.last);   // a VM that ended: its last run's figures
      draw(c.net, t, h && f && f.netRxBytes !== undefined
          ? [{ name: "rx KiB/s", values: h.rx }, { name: "tx KiB/s", values: h.tx }] : [],
          f && f.netRxBytes === undefined ? "no net device" : stopped);
      c.state.textContent = vm.status + (vm.exitCode !== undefined && vm.status !== "running" ? " (" + vm.exitCode + ")" : "");
      c.state.className = "state state-" + vm.status;
      const app = [];
      if (h && h.app) h.app.forEach(function (s, name) { app.push({ name: name + (s.kind === "counter" ? " /s" : ""), values: s.values }); });
      draw(c.app, t, app, vm.figures ? "the app publishes no metrics" : stopped);
      if (c.root.kilnVisible) fetchLogs(vm, c);
    });
    body.replaceChildren.apply(body, rows);
    document.getElementById("empty").hidden = view.vms.length > 0;
    cards.forEach(function (c, id) {
      if (!shown.has(id)) { onScreen.unobserve(c.root); c.root.remove(); cards.delete(id); history.delete(id); }
    });
  }

  function poll() {
    fetch("/api/vms", { cache: "no-store" })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(function (view) {
        render(view);
        window.kilnDashboard.polls++;
        if (violations.length === 0) setStatus(view.vms.length + " VM(s), read " + new Date(view.readAt).toLocaleTimeString(), false);
      })
      .catch(function (e) { setStatus("cannot reach the daemon: " + e.message, true); })
      .finally(function () { setTimeout(poll, POLL_MS); });
  }

  poll();
})();
