"""The pages in a real browser: headless Chromium (Selenium) against uvicorn on 127.0.0.1.

Opens the home page, an actor page and an event page; checks visible text, that the SVG pictures load
under the CSP, that the pages break none of their own CSP rules, and that the hostile article fires no
alert. Screenshots go to docs/screenshots/ when EVENTWIRE_SCREENSHOTS=1, else to a tmp folder.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ROOT = Path(__file__).resolve().parents[2]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(app):
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip(f"needs {CHROMIUM} and {CHROMEDRIVER} (apt-get install chromium chromium-driver)")
    selenium = pytest.importorskip("selenium", reason="needs selenium (pip install -e .[dev])")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    del selenium
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--window-size=1280,1000"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    if os.environ.get("EVENTWIRE_SCREENSHOTS") == "1":
        folder = ROOT / "docs" / "screenshots"
        folder.mkdir(parents=True, exist_ok=True)
        return folder
    return tmp_path_factory.mktemp("screenshots")


def _open(browser, url: str) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    browser.get(url)
    time.sleep(0.3)  # an onerror handler would fire as the page's images fail
    try:
        alert = browser.switch_to.alert
    except NoAlertPresentException:
        alert = None
    assert alert is None, f"an alert fired on {url}: {alert.text if alert else ''}"
    problems = [e["message"] for e in browser.get_log("browser")
                if "Content Security Policy" in e["message"] or e["level"] == "SEVERE"]
    assert not problems, problems


def _images_loaded(browser) -> list[int]:
    return browser.execute_script(
        "return Array.from(document.querySelectorAll('img')).map(i => i.complete ? i.naturalWidth : 0)")


def _event_with_place(client) -> str:
    """A pipeline-coded event with a place (the screenshot shows real output), else the inserted one."""
    items = client.get("/api/events?limit=500").json()["items"]
    real = [e for e in items if e["location"] and not e["coder"].startswith("test-fixture")
            and "<" not in e["sentence"]]
    return real[0]["id"] if real else "t-assault"


def test_home_actor_and_event_pages_in_chromium(browser, base_url, client, shots):
    from selenium.webdriver.common.by import By

    _open(browser, base_url + "/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "News in, events out"
    assert "Latest events" in browser.find_element(By.TAG_NAME, "main").text
    assert all(width > 0 for width in _images_loaded(browser))
    browser.save_screenshot(str(shots / "home.png"))

    _open(browser, base_url + "/actors/ISR")
    assert "Actor ISR" in browser.find_element(By.TAG_NAME, "h1").text
    assert "LBN" in browser.find_element(By.CSS_SELECTOR, "table.partners").text
    assert len(_images_loaded(browser)) == 2 and all(w > 0 for w in _images_loaded(browser))

    _open(browser, f"{base_url}/events/{_event_with_place(client)}")
    marks = browser.find_elements(By.CSS_SELECTOR, "blockquote.sentence mark.trigger")
    assert marks and marks[0].is_displayed()
    assert browser.find_element(By.CSS_SELECTOR, "figure.map svg").is_displayed()
    assert "Coder" in browser.find_element(By.CSS_SELECTOR, "dl.facts").text
    browser.save_screenshot(str(shots / "event.png"))


def test_hostile_article_fires_no_alert(browser, base_url, article_ids):
    from selenium.webdriver.common.by import By

    hostile = article_ids["https://wire.example.com/en/hostile"]
    for path in (f"/articles/{hostile}", "/events/t-hostile", "/articles?q=Breaking", "/events"):
        _open(browser, base_url + path)
    _open(browser, f"{base_url}/articles/{hostile}")
    title = browser.find_element(By.TAG_NAME, "h1").text
    assert "<script>alert(1)</script>" in title  # shown as text, not run
    assert browser.find_elements(By.CSS_SELECTOR, "main script") == []
    assert browser.find_elements(By.CSS_SELECTOR, "main img[src=x]") == []

