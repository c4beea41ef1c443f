"""Screenshots of the running app in headless Chromium, to look at what was built.

    .venv/bin/python -m devtools.screenshots --out /tmp/shots /explore "/case?case=uber-taxi"
    .venv/bin/python -m devtools.screenshots --size 1024x768 --dark --lang zh --out /tmp/s /
    .venv/bin/python -m devtools.screenshots --viewport-only --out /tmp/s "/present?slide=2"

Each path becomes one PNG named after it. By default the whole page is captured: Streamlit
scrolls inside its own container, so the viewport is made as tall as the content first.
"""

from __future__ import annotations

import argparse
import re
import tempfile
from pathlib import Path

from devtools.browser import CHROMIUM_ARGS, Server, chromium_path, wait_ready

_HEIGHT_JS = """() => {
  const main = document.querySelector('[data-testid="stMain"]')
    || document.querySelector('[data-testid="stAppViewContainer"]');
  return main ? main.scrollHeight : document.body.scrollHeight;
}"""


def file_name(path: str, suffix: str) -> str:
    slug = re.sub(r"[^A-Za-z0-9]+", "-", path).strip("-") or "overview"
    return f"{slug[:90]}{suffix}.png"


def capture(
    paths: list[str],
    out: Path,
    size: tuple[int, int] = (1920, 1080),
    dark: bool = False,
    locale: str = "en-US",
    full_page: bool = True,
    cases_dir: Path | None = None,
) -> list[Path]:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    written = []
    suffix = f"-{size[0]}x{size[1]}" + ("-dark" if dark else "") + f"-{locale[:2]}"
    with tempfile.TemporaryDirectory() as tmp:
        server = Server(cases_dir, Path(tmp) / "streamlit.log")
        try:
            with sync_playwright() as pw:
                browser = pw.chromium.launch(
                    executable_path=chromium_path(), headless=True, args=CHROMIUM_ARGS
                )
                for path in paths:
                    context = browser.new_context(
                        viewport={"width": size[0], "height": size[1]},
                        color_scheme="dark" if dark else "light",
                        locale=locale,
                        accept_downloads=True,
                    )
                    page = context.new_page()
                    page.goto(server.url + path)
                    wait_ready(page)
                    if full_page:
                        height = max(size[1], int(page.evaluate(_HEIGHT_JS)) + 80)
                        page.set_viewport_size({"width": size[0], "height": height})
                        wait_ready(page)
                    target = out / file_name(path, suffix)
                    page.screenshot(path=str(target))
                    written.append(target)
                    context.close()
                browser.close()
        finally:
            server.stop()
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("paths", nargs="+", help="app paths with their query, e.g. /explore?view=table")
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--size", default="1920x1080", help="WIDTHxHEIGHT of the window")
    ap.add_argument("--dark", action="store_true", help="a browser that prefers dark")
    ap.add_argument("--lang", default="en", help="the browser's language, e.g. zh")
    ap.add_argument("--viewport-only", action="store_true", help="only what the window shows")
    ap.add_argument("--cases-dir", type=Path, help="another case folder")
    args = ap.parse_args()
    width, height = (int(v) for v in args.size.lower().split("x"))
    locale = {"en": "en-US", "zh": "zh-CN"}.get(args.lang, args.lang)
    for target in capture(
        args.paths,
        args.out,
        (width, height),
        args.dark,
        locale,
        not args.viewport_only,
        args.cases_dir,
    ):
        print(target)


if __name__ == "__main__":
    main()
