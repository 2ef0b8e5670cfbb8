"""End-to-end: Debian's Chromium (headless, Selenium) drives the real server as a person would.

Screenshots go to test-output/ (ignored by git) so a person can look at them.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]
OUT = Path(__file__).resolve().parents[2] / "test-output"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")


@pytest.fixture(scope="module")
def jobs_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser-jobs")


@pytest.fixture(scope="module")
def server(jobs_root: Path) -> Iterator[str]:
    import uvicorn

    from newsprism.options import load_options
    from newsprism.web import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    app = create_app(load_options(web_workers=1, web_jobs_dir=str(jobs_root)))
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
        if os.environ.get("NEWSPRISM_REQUIRE_BROWSER"):
            pytest.fail("NEWSPRISM_REQUIRE_BROWSER is set but chromium/chromedriver are not on PATH")
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


def test_buttons_disabled_while_a_job_runs_and_one_article_shows_progress(
    browser: object, server: str, seed_texts: dict[str, str], jobs_root: Path
) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    before = set(jobs_root.iterdir())
    d.get(server + "/")  # type: ignore[attr-defined]
    # Every status line the page shows is kept in sessionStorage, which survives the move to the result page.
    d.execute_script(  # type: ignore[attr-defined]
        "sessionStorage.setItem('seen', '[]');"
        "new MutationObserver(function () { var s = JSON.parse(sessionStorage.getItem('seen'));"
        " s.push(document.getElementById('status-text').textContent + ' | ' +"
        " document.getElementById('bar').style.width); sessionStorage.setItem('seen', JSON.stringify(s)); })"
        ".observe(document.getElementById('status'), {subtree: true, childList: true, characterData: true,"
        " attributes: true});"
    )
    d.execute_script(  # type: ignore[attr-defined]
        "document.querySelector('.pasted-article .text').value = arguments[0];", seed_texts["003"]
    )
    button = d.find_element(By.ID, "analyze")  # type: ignore[attr-defined]
    button.click()
    _wait(d, lambda drv: not drv.find_element(By.ID, "status").get_attribute("hidden"), 30)
    assert d.find_element(By.ID, "analyze").get_attribute("disabled")  # type: ignore[attr-defined]
    assert d.find_element(By.ID, "compare").get_attribute("disabled")  # type: ignore[attr-defined]
    d.execute_script("document.getElementById('analyze').click(); document.getElementById('analyze').click();")  # type: ignore[attr-defined]
    _wait(d, lambda drv: "/jobs/" in drv.current_url and drv.find_elements(By.CSS_SELECTOR, "article .body"))
    assert len(set(jobs_root.iterdir()) - before) == 1, "a triple click must send one job"
    seen = d.execute_script("return JSON.parse(sessionStorage.getItem('seen'))")  # type: ignore[attr-defined]
    partial = [s for s in seen if s.startswith("Analysed 0 of 1 article (") and not s.endswith("| 0%")]
    assert partial, f"no stage progress shown for a one-article job: {seen}"


def test_result_page_navigation_tooltips_and_phone_legend(
    browser: object, server: str, seed_texts: dict[str, str]
) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server + "/")  # type: ignore[attr-defined]
    d.execute_script(  # type: ignore[attr-defined]
        "document.querySelector('.pasted-article .text').value = arguments[0];", seed_texts["002"]
    )
    d.find_element(By.ID, "analyze").click()  # type: ignore[attr-defined]
    _wait(d, lambda drv: "/jobs/" in drv.current_url and drv.find_elements(By.CSS_SELECTOR, "article .body"))
    nav = d.find_element(By.CSS_SELECTOR, "nav.np-nav")  # type: ignore[attr-defined]
    assert nav.find_element(By.CSS_SELECTOR, 'a[href="/"]')
    assert {a.text for a in nav.find_elements(By.CSS_SELECTOR, "a[download]")} == {"JSON", "HTML", "Markdown"}
    assert "v" + __import__("newsprism").__version__ in nav.text
    # tooltips: no bare title left; each tip is focusable and shows its text on focus (keyboard) and on tap
    assert not d.find_elements(By.CSS_SELECTOR, "main [title]")  # type: ignore[attr-defined]
    tipped = d.find_elements(By.CSS_SELECTOR, "main [data-tip]")  # type: ignore[attr-defined]
    assert tipped
    first = tipped[0]
    assert int(first.get_attribute("tabIndex")) >= 0
    d.execute_script("arguments[0].focus()", first)  # type: ignore[attr-defined]
    bubble = d.find_element(By.ID, "np-tip")  # type: ignore[attr-defined]
    assert bubble.is_displayed() and bubble.text == first.get_attribute("data-tip")
    assert first.get_attribute("aria-describedby") == "np-tip"
    d.execute_script("arguments[0].blur()", first)  # type: ignore[attr-defined]
    assert not bubble.is_displayed()
    first.click()  # a tap
    assert bubble.is_displayed()
    # a phone: the legend scrolls away instead of covering the article
    d.set_window_size(390, 844)  # type: ignore[attr-defined]
    try:
        d.refresh()  # type: ignore[attr-defined]
        header = d.find_element(By.CSS_SELECTOR, "body > header")  # type: ignore[attr-defined]
        assert header.value_of_css_property("position") != "sticky"
        d.save_screenshot(str(OUT / "web-phone.png"))  # type: ignore[attr-defined]
    finally:
        d.set_window_size(1400, 1000)  # type: ignore[attr-defined]


def test_upload_keeps_file_names_and_comparison_links_reports(
    browser: object, server: str, seed_texts: dict[str, str], tmp_path: Path
) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    upload = tmp_path / "harbor-story.txt"
    upload.write_text(seed_texts["002"], encoding="utf-8")
    d.get(server + "/")  # type: ignore[attr-defined]
    d.execute_script(  # type: ignore[attr-defined]
        "document.querySelector('.pasted-article .text').value = arguments[0];", seed_texts["000"]
    )
    d.find_element(By.ID, "files").send_keys(str(upload))  # type: ignore[attr-defined]
    d.find_element(By.ID, "compare").click()  # type: ignore[attr-defined]
    _wait(d, lambda drv: "/jobs/" in drv.current_url and drv.find_elements(By.TAG_NAME, "h1"))
    assert d.find_elements(By.ID, "np-tip"), "the tooltip script did not run on the comparison page"  # type: ignore[attr-defined]
    nav_bg = d.find_element(By.CSS_SELECTOR, "nav.np-nav").value_of_css_property("background-color")  # type: ignore[attr-defined]
    assert nav_bg not in ("rgba(0, 0, 0, 0)", "transparent"), "report.css did not load on the comparison page"
    links = d.find_elements(By.CSS_SELECTOR, ".np-reports a")  # type: ignore[attr-defined]
    names = [a.text for a in links]
    assert len(names) == 2 and names[1] == "harbor-story.txt"
    assert names[0] and names[0] != "article 1", "an unnamed pasted article is called by its detected title"
    links[1].click()
    _wait(d, lambda drv: "/articles/2" in drv.current_url and drv.find_elements(By.CSS_SELECTOR, "article .body"))
    assert d.find_element(By.CSS_SELECTOR, 'nav.np-nav a[href$="/download/md?article=2"]')  # type: ignore[attr-defined]


def test_expired_job_page_and_favicon(browser: object, server: str) -> None:
    from selenium.webdriver.common.by import By

    d = browser
    d.get(server + "/jobs/" + "0" * 32)  # type: ignore[attr-defined]
    assert "expired" in d.find_element(By.ID, "message").text  # type: ignore[attr-defined]
    assert d.find_element(By.CSS_SELECTOR, 'main a[href="/"]')  # type: ignore[attr-defined]
    icon = d.find_element(By.CSS_SELECTOR, 'link[rel="icon"]').get_attribute("href")  # type: ignore[attr-defined]
    ok = d.execute_script(  # type: ignore[attr-defined]
        "return fetch(arguments[0]).then(function (r) { return r.ok && r.headers.get('content-type'); })", icon
    )
    assert ok and ok.startswith("image/svg")
