#!/usr/bin/env python3
"""Loads report pages in headless Chromium over the DevTools protocol and
checks what a reader would notice: no console errors or exceptions, no
network requests, every <svg class="chart"> has a title, a description and
data marks with a visible size, no legend name or event label overlaps
another or leaves its chart, printing to A4 works, and a screenshot of the
page is not blank (it has many distinct colours and is not all white).

Usage: browser_check.py [--screenshot FILE.png] [--print-pdf FILE.pdf] PAGE.html...
Exit 0: all good; 1: a check failed; 77: Chromium or python3-websocket is
missing (CTest counts the test as skipped).
Only Debian packages: chromium and python3-websocket (scripts/install-deps.sh).
"""
import base64
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import zlib

SKIP = 77


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class DevTools:
    def __init__(self, ws_url):
        import websocket  # python3-websocket
        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events = []

    def call(self, method, **params):
        self.next_id += 1
        my_id = self.next_id
        self.ws.send(json.dumps({"id": my_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.ws.recv())
            if message.get("id") == my_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            if "method" in message:
                self.events.append(message)

    def wait_for(self, event, timeout=60):
        deadline = time.time() + timeout
        for i, message in enumerate(self.events):
            if message["method"] == event:
                del self.events[i]
                return message
        while time.time() < deadline:
            message = json.loads(self.ws.recv())
            if message.get("method") == event:
                return message
            if "method" in message:
                self.events.append(message)
        raise RuntimeError(f"timed out waiting for {event}")


def png_pixels(data):
    """Decodes an 8-bit RGB or RGBA PNG (what Chromium writes): (w, h, rows of bytes, bytes per pixel)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    pos, idat, width, height, bpp = 8, b"", 0, 0, 0
    while pos < len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind = data[pos + 4:pos + 8]
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            width, height = int.from_bytes(body[0:4], "big"), int.from_bytes(body[4:8], "big")
            depth, colour = body[8], body[9]
            assert depth == 8 and colour in (2, 6), f"unsupported PNG (depth {depth}, colour type {colour})"
            bpp = 3 if colour == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if f == 1:
                line[x] = (line[x] + a) & 255
            elif f == 2:
                line[x] = (line[x] + b) & 255
            elif f == 3:
                line[x] = (line[x] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[x] = (line[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        rows.append(bytes(line))
        prev = line
    return width, height, rows, bpp


def screenshot_stats(png):
    width, height, rows, bpp = png_pixels(png)
    colours, non_white, total = set(), 0, 0
    for y in range(0, height, 2):
        row = rows[y]
        for x in range(0, width, 2):
            px = row[x * bpp:x * bpp + 3]
            colours.add(px)
            total += 1
            if px != b"\xff\xff\xff":
                non_white += 1
    return width, height, len(colours), non_white / max(1, total)


CHART_CHECK = r"""
(() => {
  const charts = [...document.querySelectorAll('svg.chart')];
  const problems = [];
  for (const svg of charts) {
    const id = svg.id || '(no id)';
    const title = svg.querySelector(':scope > title');
    const desc = svg.querySelector(':scope > desc');
    if (!title || !title.textContent.trim()) problems.push(id + ': no <title>');
    if (!desc || !desc.textContent.trim()) problems.push(id + ': no <desc>');
    const labelled = (svg.getAttribute('aria-labelledby') || '').split(' ').filter(x => x);
    if (svg.getAttribute('role') !== 'img' || labelled.length < 2) problems.push(id + ': not role=img with aria-labelledby');
    const marks = [...svg.querySelectorAll('.data path, .data rect, path.data, rect.data')];
    const visible = marks.filter(m => { const b = m.getBBox(); return b.width > 0 || b.height > 0; });
    if (visible.length === 0) problems.push(id + ': no data drawn');
    for (const path of svg.querySelectorAll('path.data[data-points]')) {
      const n = (path.getAttribute('d').match(/[ML]/g) || []).length;
      if (n !== Number(path.dataset.points)) problems.push(id + ': path has ' + n + ' points, says ' + path.dataset.points);
    }
    // Legend names and event labels, as the browser lays them out (real
    // font metrics): none may overlap another or leave the chart.
    const view = svg.viewBox.baseVal;
    const labels = [...svg.querySelectorAll('.legend text, .events text')]
      .map(t => ({text: t.textContent, box: t.getBBox()}));
    for (let i = 0; i < labels.length; i++) {
      const a = labels[i].box;
      if (a.x < view.x - 0.5 || a.x + a.width > view.x + view.width + 0.5)
        problems.push(id + ': label "' + labels[i].text + '" leaves the chart');
      for (let j = 0; j < i; j++) {
        const b = labels[j].box;
        if (a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)
          problems.push(id + ': labels overlap: "' + labels[j].text + '" and "' + labels[i].text + '"');
      }
    }
    const box = svg.getBoundingClientRect();
    if (box.width < 100 || box.height < 50) problems.push(id + ': drawn at ' + box.width + 'x' + box.height);
  }
  const resources = performance.getEntriesByType('resource').map(r => r.name);
  return JSON.stringify({charts: charts.length, problems, resources,
                         height: document.documentElement.scrollHeight,
                         maps: document.querySelectorAll('svg.chart.map').length});
})()
"""


def check_page(dt, path, screenshot, pdf):
    failures = []
    dt.events.clear()
    url = "file://" + os.path.abspath(path)
    dt.call("Page.navigate", url=url)
    dt.wait_for("Page.loadEventFired")
    time.sleep(0.3)
    result = json.loads(dt.call("Runtime.evaluate", expression=CHART_CHECK, returnByValue=True)["result"]["value"])
    for problem in result["problems"]:
        failures.append(problem)
    if result["charts"] == 0:
        failures.append("no charts on the page")
    if result["resources"]:
        failures.append("the page loaded resources: " + ", ".join(result["resources"]))
    # Console errors and uncaught exceptions seen while loading.
    for event in dt.events:
        method, params = event["method"], event.get("params", {})
        if method == "Runtime.exceptionThrown":
            failures.append("exception: " + json.dumps(params.get("exceptionDetails", {}))[:300])
        elif method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            failures.append("console error: " + json.dumps(params.get("args", []))[:300])
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            failures.append("log error: " + params["entry"].get("text", "")[:300])
    # A screenshot of the top of the page (1100 px wide, up to 2400 px of it).
    height = min(int(result["height"]), 2400)
    dt.call("Emulation.setDeviceMetricsOverride", width=1100, height=height, deviceScaleFactor=1, mobile=False)
    time.sleep(0.2)
    png = base64.b64decode(dt.call("Page.captureScreenshot", format="png")["data"])
    width, h, colours, inked = screenshot_stats(png)
    if colours < 20 or inked < 0.03:
        failures.append(f"screenshot looks blank: {colours} colours, {100 * inked:.1f}% non-white")
    if screenshot:
        with open(screenshot, "wb") as out:
            out.write(png)
    # Printing: A4 pages from the print stylesheet.
    pdf_data = base64.b64decode(dt.call("Page.printToPDF", preferCSSPageSize=True, printBackground=True)["data"])
    pages = pdf_data.count(b"/Type /Page") - pdf_data.count(b"/Type /Pages")
    if not pdf_data.startswith(b"%PDF") or pages < 1:
        failures.append("printing to PDF failed")
    if pdf:
        with open(pdf, "wb") as out:
            out.write(pdf_data)
    print(f"{path}: {result['charts']} charts ({result['maps']} maps), screenshot {width}x{h} with "
          f"{colours} colours, {100 * inked:.0f}% non-white, {pages} A4 pages in print"
          + ("" if not failures else f", {len(failures)} problems"))
    for failure in failures:
        print(f"FAIL: {path}: {failure}")
    return not failures


def main(argv):
    screenshot = pdf = None
    pages = []
    args = iter(argv)
    for arg in args:
        if arg == "--screenshot":
            screenshot = next(args)
        elif arg == "--print-pdf":
            pdf = next(args)
        else:
            pages.append(arg)
    if not pages:
        print(__doc__)
        return 2
    chromium = find_chromium()
    if not chromium:
        print("SKIP: chromium is not installed (scripts/install-deps.sh installs it)")
        return SKIP
    try:
        import websocket  # noqa: F401
    except ImportError:
        print("SKIP: python3-websocket is not installed (scripts/install-deps.sh installs it)")
        return SKIP
    profile = tempfile.mkdtemp(prefix="hearth-chromium-")
    process = subprocess.Popen(
        [chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--no-default-browser-check", "--disable-extensions", "--remote-debugging-port=0",
         "--remote-allow-origins=*", f"--user-data-dir={profile}", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        port_file = os.path.join(profile, "DevToolsActivePort")
        deadline = time.time() + 60
        while not os.path.exists(port_file) or os.path.getsize(port_file) == 0:
            if time.time() > deadline or process.poll() is not None:
                print("FAIL: chromium did not start its DevTools endpoint")
                return 1
            time.sleep(0.1)
        port = int(open(port_file).read().split()[0])
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=30))
        page = next(t for t in targets if t.get("type") == "page")
        dt = DevTools(page["webSocketDebuggerUrl"])
        for domain in ("Page", "Runtime", "Log"):
            dt.call(domain + ".enable")
        ok = True
        for i, path in enumerate(pages):
            shot = screenshot if i == 0 else None
            ok = check_page(dt, path, shot, pdf if i == 0 else None) and ok
        return 0 if ok else 1
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
        shutil.rmtree(profile, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
