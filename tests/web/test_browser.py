"""End-to-end: Debian's Chromium (headless, Selenium) drives the real server as a person would.

Screenshots go to test-output/ (ignored by git) so a person can look at them.
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser
OUT = Path(__file__).resolve().parents[2] / "test-output"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    import uvicorn

    from newsprism.options import load_options
    from newsprism.registry import registered
    from newsprism.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    stages = tuple(s for s in load_options().stages if s in registered())
    app = create_app(load_options(stages=stages))
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="error"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.time() + 30
    while not srv.started and time.time() < deadline:
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    srv.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not (CHROMIUM and DRIVER):
        pytest.skip("Debian chromium + chromium-driver not installed (apt-get install chromium chromium-driver)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1400,1000",
    ):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(DRIVER), options=opts)
    driver.set_page_load_timeout(120)
    OUT.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def _wait(driver: object, predicate: object, timeout: float = 240) -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, timeout, poll_frequency=0.3).until(predicate)  # type: ignore[arg-type]


def test_paste_analyse_toggle(browser: object, server: str, seed_texts: dict[str, str]) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server + "/")  # type: ignore[attr-defined]
    d.find_element(By.CSS_SELECTOR, ".pasted-article .text").send_keys(seed_texts["002"])  # type: ignore[attr-defined]
    d.find_element(By.ID, "analyze").click()  # type: ignore[attr-defined]
    _wait(d, lambda drv: "/jobs/" in drv.current_url and drv.find_elements(By.CSS_SELECTOR, "article .body"))
    d.save_screenshot(str(OUT / "web-analyze.png"))  # type: ignore[attr-defined]
    quotes = d.find_elements(By.CSS_SELECTOR, ".hl-quotes")  # type: ignore[attr-defined]
    assert quotes, "no highlighted quotes on the analysed article"
    border = quotes[0].value_of_css_property("border-bottom-style")
    assert border != "none"
    d.find_element(By.ID, "toggle-quotes").click()  # type: ignore[attr-defined]
    assert "hide-quotes" in d.find_element(By.TAG_NAME, "body").get_attribute("class")  # type: ignore[attr-defined]
    assert quotes[0].value_of_css_property("border-bottom-style") == "none"
    d.save_screenshot(str(OUT / "web-analyze-quotes-off.png"))  # type: ignore[attr-defined]


def test_compare_three_seeds(browser: object, server: str, seed_texts: dict[str, str]) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server + "/")  # type: ignore[attr-defined]
    for _ in range(2):
        d.find_element(By.ID, "add-article").click()  # type: ignore[attr-defined]
    boxes = d.find_elements(By.CSS_SELECTOR, ".pasted-article .text")  # type: ignore[attr-defined]
    assert len(boxes) == 3
    for box, key in zip(boxes, ("000", "002", "003"), strict=True):
        d.execute_script("arguments[0].value = arguments[1];", box, seed_texts[key])  # type: ignore[attr-defined]
    d.find_element(By.ID, "compare").click()  # type: ignore[attr-defined]
    _wait(d, lambda drv: "/jobs/" in drv.current_url and drv.find_elements(By.TAG_NAME, "h1"))
    d.save_screenshot(str(OUT / "web-compare.png"))  # type: ignore[attr-defined]
    assert d.find_element(By.TAG_NAME, "h1").text == "Story comparison"  # type: ignore[attr-defined]
    assert len(d.find_elements(By.TAG_NAME, "section")) == 1, "the three seeds should form one story"  # type: ignore[attr-defined]
    side = d.find_elements(By.CSS_SELECTOR, "section div.cols")[0]  # type: ignore[attr-defined]
    assert len(side.find_elements(By.CSS_SELECTOR, ":scope > div.col")) == 3
