"""review.html in headless Chromium: card content, evidence highlighting, offline, A4 print.

Uses Debian's chromium and chromium-driver (installed by .ci/setup) through
Selenium, with the driver path given explicitly so Selenium Manager never
downloads anything.  A full-page screenshot of each page is saved in the
test's tmp_path and, when MLA_TEST_ARTIFACTS names a folder, copied there
(e.g. ``MLA_TEST_ARTIFACTS=tests/artifacts pytest tests/review``).
"""

from __future__ import annotations

import base64
import io
import json
import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from pipeline.review.html import render_review_html
from pipeline.review.rfi import draft_rfi

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
A4_POINTS = (595.28, 841.89)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[webdriver.Chrome]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail("install Debian's chromium and chromium-driver (bash .ci/setup does)")
    os.environ["SE_OFFLINE"] = "true"  # Selenium Manager, if ever reached, must not download
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
        "--window-size=1280,900",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    driver.get("about:blank")  # leave the start page, whose own resources would show in the log
    yield driver
    driver.quit()


def open_page(
    driver: webdriver.Chrome, extract: dict[str, Any], when: date, folder: Path
) -> tuple[str, list[str]]:
    """Load the page from file:// and return its URL and every URL the browser requested."""
    page = folder / "review.html"
    page.write_text(
        render_review_html(extract, when, rfi=draft_rfi(extract, when)), encoding="utf-8"
    )
    driver.get("about:blank")
    driver.get_log("performance")  # drop what earlier pages requested
    driver.get(page.as_uri())
    requested = [
        message["params"]["request"]["url"]
        for entry in driver.get_log("performance")
        if (message := json.loads(entry["message"])["message"])["method"]
        == "Network.requestWillBeSent"
    ]
    return page.as_uri(), requested


def save_screenshot(driver: webdriver.Chrome, path: Path) -> Path:
    height = driver.execute_script("return document.documentElement.scrollHeight")
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": 1280, "height": height, "scale": 1},
        },
    )
    path.write_bytes(base64.b64decode(shot["data"]))
    if artifacts := os.environ.get("MLA_TEST_ARTIFACTS"):
        Path(artifacts).mkdir(parents=True, exist_ok=True)
        shutil.copy(path, Path(artifacts) / path.name)
    return path


def click(driver: webdriver.Chrome, css: str) -> None:
    """Click as a reader would: on the element where it shows, not under the sticky header."""
    element = driver.find_element(By.CSS_SELECTOR, css)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()


def visible_text(driver: webdriver.Chrome, element_id: str) -> str:
    return " ".join(driver.find_element(By.ID, element_id).text.split())


def test_summary_card_and_evidence_highlight(
    browser: webdriver.Chrome,
    extract_with_gaps: dict[str, Any],
    processing_date: date,
    tmp_path: Path,
) -> None:
    url, requested = open_page(browser, extract_with_gaps, processing_date, tmp_path)
    assert requested == [url], "the page must load nothing but itself"
    assert visible_text(browser, "request-type") == "Mutual legal assistance request"
    assert visible_text(browser, "urgent") == "URGENT"
    assert visible_text(browser, "route").startswith("Thailand")
    assert "Myanmar" in visible_text(browser, "route")
    deadlines = [
        " ".join(li.text.split()) for li in browser.find_elements(By.CSS_SELECTOR, "#deadlines li")
    ]
    assert deadlines[0].startswith("response: 28 Feb 2025") and deadlines[0].endswith(
        "(4 days left)"
    )
    assert deadlines[1].startswith("trial: 10 Apr 2025")
    gaps = browser.find_elements(By.CSS_SELECTOR, "#completeness li.gap")
    assert [gap.get_attribute("data-item") for gap in gaps] == ["c", "d", "f", "h", "j", "k"]
    assert gaps[0].value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"

    click(browser, "#requesting-authority a.fact")
    row = browser.find_element(By.ID, "seg-p1-s2")
    assert "is-evidence" in row.get_attribute("class").split()
    assert browser.find_elements(By.CSS_SELECTOR, "tr.is-evidence") == [row]
    assert row.find_element(By.CLASS_NAME, "evidence-note").text == (
        "Evidence for: Requesting authority: Office of the Attorney General"
    )
    in_view = "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;"
    assert browser.execute_script(in_view, row)

    click(browser, "#deadlines li:first-child a.fact")
    assert [
        r.get_attribute("id") for r in browser.find_elements(By.CSS_SELECTOR, "tr.is-evidence")
    ] == ["seg-p2-s3"]

    browser.execute_script("window.scrollTo(0, 0)")
    screenshot = save_screenshot(browser, tmp_path / "review-th.png")
    assert screenshot.stat().st_size > 50_000


def test_glossary_term_shows_its_rendering_on_hover(
    browser: webdriver.Chrome,
    extract_with_gaps: dict[str, Any],
    processing_date: date,
    tmp_path: Path,
) -> None:
    open_page(browser, extract_with_gaps, processing_date, tmp_path)
    term = browser.find_element(By.CSS_SELECTOR, "#seg-p2-s1 td.src mark.term")
    webdriver.ActionChains(browser).move_to_element(term).perform()
    tooltip = browser.execute_script(
        "return getComputedStyle(arguments[0], '::after').content", term
    )
    assert tooltip == '"money laundering"'


def test_khmer_page_without_letter(
    browser: webdriver.Chrome, complete_extract: dict[str, Any], tmp_path: Path
) -> None:
    url, requested = open_page(browser, complete_extract, date(2025, 3, 3), tmp_path)
    assert requested == [url]
    assert browser.find_elements(By.ID, "rfi") == []
    assert "all 11 items" in visible_text(browser, "completeness").lower()
    assert "Ministry of Justice" in browser.find_element(By.CSS_SELECTOR, "#seg-p1-s1 td.en").text
    save_screenshot(browser, tmp_path / "review-km.png")


def test_prints_on_a4(
    browser: webdriver.Chrome,
    extract_with_gaps: dict[str, Any],
    processing_date: date,
    tmp_path: Path,
) -> None:
    open_page(browser, extract_with_gaps, processing_date, tmp_path)
    pdf = browser.execute_cdp_cmd(
        "Page.printToPDF", {"preferCSSPageSize": True, "printBackground": True}
    )
    reader = PdfReader(io.BytesIO(base64.b64decode(pdf["data"])))
    assert 2 <= len(reader.pages) <= 8
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert abs(width - A4_POINTS[0]) < 2 and abs(height - A4_POINTS[1]) < 2
    text = " ".join(page.extract_text() for page in reader.pages)
    assert "Mutual legal assistance request" in text
    assert "p2-s5" in text
