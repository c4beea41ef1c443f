"""Where a filter click's time goes, A/B: several app trees served at once, clicks alternating.

usage: filter_probe.py REPEATS (curated|CASES_DIR) name=DIR[@--streamlit-flag] ... [--floor]
       [--view table]

Each DIR is a whole tree of the app (e.g. `git archive <commit> | tar -x -C DIR`, with a
.venv link), so a change is compared with its parent in one run on a noisy machine. Per
click (Industry = Finance on Explore, as benchmarks/peers_browser.atlas_filter), medians
in ms: `total` to the last DOM change; `sent` the rerun request; `first`/`last` the run's
websocket messages as the page's JS saw them (`msgs`, `kb`); `cdp_span` the same in the
browser's network stack; `js`/`layout`/`style`/`task` the renderer's durations
(Performance.getMetrics); `draw` = total - last. FP_PROF=1 saves a JS CPU profile per
click in OUT; FP_V=1 prints message times. --floor adds the one-multiselect app.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from benchmarks.peers import FILTER_FLOOR_APP as FLOOR  # noqa: E402
from benchmarks.peers_browser import (  # noqa: E402
    FINANCE,
    NOW_JS,
    OBSERVE_JS,
    SETTLED_JS,
    STREAMLIT_READY,
    _settle,
)
from devtools.browser import CHROMIUM_ARGS, chromium_path, free_port  # noqa: E402

OUT = Path(tempfile.gettempdir()) / "filter-probe"

WS_JS = """() => {
  window.__ws = []; window.__sent = [];
  const Orig = window.WebSocket;
  function W(...a) {
    const ws = new Orig(...a);
    ws.addEventListener('message', (e) => {
      const d = e.data; const n = d.byteLength ?? d.size ?? d.length;
      window.__ws.push([performance.timeOrigin + performance.now(), n]);
    });
    const send = ws.send.bind(ws);
    ws.send = (d) => {
      window.__sent.push(performance.timeOrigin + performance.now());
      return send(d);
    };
    return ws;
  }
  W.prototype = Orig.prototype;
  for (const k of ['CONNECTING', 'OPEN', 'CLOSING', 'CLOSED']) W[k] = Orig[k];
  window.WebSocket = W;
}"""


def start(name, app_file, cwd, env, extra=()):
    port = free_port()
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app_file),
        "--server.port",
        str(port),
        "--server.address",
        "127.0.0.1",
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
        "--server.fileWatcherType",
        "none",
        *extra,
    ]
    with open(OUT / f"{name}.log", "wb") as log:
        proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    for _ in range(1200):
        try:
            with urllib.request.urlopen(url + "/_stcore/health", timeout=2):
                return proc, url
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(name)


def one(browser, url, path, view):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = ctx.new_page()
        page.add_init_script(f"({OBSERVE_JS})()")
        page.add_init_script(f"({WS_JS})()")
        frames = []
        cdp = ctx.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.on("Network.webSocketFrameReceived", lambda p: frames.append(p["timestamp"]))
        sentf = []
        cdp.on("Network.webSocketFrameSent", lambda p: sentf.append(p["timestamp"]))
        q = f"?view={view}" if view and path != "/" else ""
        page.goto(f"{url}{path}{q}", wait_until="commit", timeout=300_000)
        _settle(page, 0, STREAMLIT_READY, 300_000)
        box = page.get_by_role("combobox", name="Industry")
        box.click()
        option = page.get_by_role("option").filter(has_text=FINANCE).first
        option.wait_for(state="visible", timeout=300_000)
        page.wait_for_function(SETTLED_JS, timeout=300_000, polling=50)
        start_ms = page.evaluate(NOW_JS)
        nf, ns = len(frames), len(sentf)
        cdp.send("Performance.enable")
        if os.environ.get("FP_PROF"):
            cdp.send("Profiler.enable")
            cdp.send("Profiler.setSamplingInterval", {"interval": 200})
            cdp.send("Profiler.start")
        m0 = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        option.click()
        page.wait_for_function(
            f"() => window.__lastChange > {start_ms}", timeout=300_000, polling=20
        )
        total = _settle(page, start_ms, STREAMLIT_READY, 300_000)
        if os.environ.get("FP_V"):
            print(
                "CLICK",
                f"{start_ms:.0f}",
                "sent",
                [f"{x:.0f}" for x in page.evaluate("() => window.__sent") if x > start_ms][:2],
                "msgs",
                [f"{m[0]:.0f}" for m in page.evaluate("() => window.__ws") if m[0] > start_ms][
                    ::20
                ],
                "last",
                f"{page.evaluate('() => window.__lastChange'):.0f}",
                flush=True,
            )
        if os.environ.get("FP_PROF"):
            import json

            prof = cdp.send("Profiler.stop")["profile"]
            n = len(list(OUT.glob("cpu*.json")))
            (OUT / f"cpu{n}.json").write_text(json.dumps(prof))
        m1 = {m["name"]: m["value"] for m in cdp.send("Performance.getMetrics")["metrics"]}
        perf = {
            k: 1000 * (m1[k] - m0[k])
            for k in ("ScriptDuration", "LayoutDuration", "RecalcStyleDuration", "TaskDuration")
        }
        ws = [m for m in page.evaluate("() => window.__ws") if m[0] > start_ms]
        sent = [s for s in page.evaluate("() => window.__sent") if s > start_ms]
        nodes = page.evaluate("() => document.getElementsByTagName('*').length")
        return {
            "total": total * 1000,
            "sent": (sent[0] - start_ms) if sent else -1,
            "first": (ws[0][0] - start_ms) if ws else -1,
            "last": (ws[-1][0] - start_ms) if ws else -1,
            "msgs": len(ws),
            "kb": sum(m[1] for m in ws) / 1024,
            "nodes": nodes,
            "js": perf["ScriptDuration"],
            "layout": perf["LayoutDuration"],
            "style": perf["RecalcStyleDuration"],
            "task": perf["TaskDuration"],
            "cdp_span": 1000 * (frames[-1] - sentf[ns])
            if len(sentf) > ns and len(frames) > nf
            else -1,
            "cdp_first": 1000 * (frames[nf] - sentf[ns])
            if len(sentf) > ns and len(frames) > nf
            else -1,
        }
    finally:
        ctx.close()


def main():
    args = sys.argv[1:]
    view = None
    if "--view" in args:
        i = args.index("--view")
        view = args[i + 1]
        del args[i : i + 2]
    floor = "--floor" in args
    args = [a for a in args if a != "--floor"]
    repeats, cases = int(args[0]), args[1]
    trees = [a.split("=", 1) for a in args[2:]]
    from playwright.sync_api import sync_playwright

    procs, apps = [], []
    OUT.mkdir(exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="filter-probe-")
    for name, d in trees:
        d, *extra = d.split("@")
        env = dict(os.environ)
        if cases != "curated":
            env |= {"ATLAS_CASES_DIR": cases, "ATLAS_CACHE_DIR": f"{tmp}/cache-{name}"}
        env["PYTHONPATH"] = d
        p, url = start(name, Path(d) / os.environ.get("FP_APP", "app.py"), d, env, extra)
        procs.append(p)
        apps.append((name, url, "/explore"))
    if floor:
        f = Path(tmp) / "floor.py"
        f.write_text(FLOOR)
        p, url = start("floor", f, tmp, dict(os.environ))
        procs.append(p)
        apps.append(("floor", url, "/"))
    res = {a[0]: [] for a in apps}
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
            for _name, url, path in apps:  # warm up each once
                one(browser, url, path, view)
            for r in range(repeats):
                order = apps if r % 2 == 0 else apps[::-1]
                for name, url, path in order:
                    res[name].append(one(browser, url, path, view))
            browser.close()
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            p.wait(10)
    for name, rows in res.items():
        bad = [r for r in rows if r["msgs"] == 0]
        rows = [r for r in rows if r["msgs"] > 0] or rows
        for r in rows:
            r["draw"] = r["total"] - r["last"]
        print(f"{name}: {len(bad)} clicks without a rerun left out")
        med = {k: statistics.median(r[k] for r in rows) for k in rows[0]}
        print(f"{name:10s} " + " ".join(f"{k}={v:7.1f}" for k, v in med.items()))
        for r in rows:
            print("    " + " ".join(f"{k}={v:.0f}" for k, v in r.items()))


if __name__ == "__main__":
    main()
