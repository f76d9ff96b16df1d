"""The web process keeps the garbage collector off the request path."""

import gc


def test_the_wsgi_application_tunes_the_garbage_collector():
    from kentro.runtime import GC_THRESHOLDS

    saved = gc.get_threshold()
    try:
        import kentro.wsgi  # noqa: F401

        assert gc.get_threshold() == GC_THRESHOLDS
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*saved)
