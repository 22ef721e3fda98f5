"""`mkdocs serve` started and stopped as a person does, with Ctrl-C: the test suite and the
benchmark both run it, and the server removes its temporary folders only when stopped so."""
from __future__ import annotations

import signal
import subprocess


def start(arguments: list[str], **options) -> subprocess.Popen:
    return subprocess.Popen(arguments, preexec_fn=_ctrl_c_back, **options)


def _ctrl_c_back() -> None:
    # A shell without job control starts background commands with Ctrl-C ignored, and a Python
    # started that way never turns it into KeyboardInterrupt: the server gets the default back.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def stop(proc: subprocess.Popen, timeout: float) -> None:
    """Ctrl-C, then wait; a server still running after `timeout` seconds is killed, and that is an error."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        raise RuntimeError(f"the server did not stop within {timeout} s of Ctrl-C") from None
