"""Without a browser, the browser tests skip locally but fail in CI."""
import pytest

from conftest import browser_unavailable as _unavailable


def test_ci_fails_when_the_browser_is_missing(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="cannot run in CI"):
        _unavailable("Chromium not found")


def test_a_local_run_skips_with_the_reason(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="Chromium not found"):
        _unavailable("Chromium not found")
