from kentro.observability import FILTERED, before_send


def test_personal_data_is_scrubbed_before_reaching_sentry():
    event = {
        "request": {
            "url": "https://lamia.kentro.gov.gr/people/1/",
            "data": {"amka": "01017012345"},
            "cookies": {"sessionid": "abc"},
            "query_string": "q=Παπαδόπουλος",
            "headers": {"Authorization": "Token abc", "User-Agent": "x"},
        },
        "user": {"id": 7, "email": "alice@example.gr", "ip_address": "10.0.0.1"},
        "extra": {"afm": "123456789", "count": 3},
        "exception": {"values": [{"stacktrace": {"frames": [{"vars": {"amka": "1", "n": 2}}]}}]},
        "breadcrumbs": {"values": [{"category": "query", "data": {"params": ["Μαρία"]}}]},
    }
    cleaned = before_send(event, {})
    assert "data" not in cleaned["request"]
    assert "cookies" not in cleaned["request"]
    assert "query_string" not in cleaned["request"]
    assert cleaned["request"]["headers"]["Authorization"] == FILTERED
    assert cleaned["user"] == {"id": 7}
    assert cleaned["extra"] == {"afm": FILTERED, "count": 3}
    assert cleaned["exception"]["values"][0]["stacktrace"]["frames"][0]["vars"]["amka"] == FILTERED
    assert "data" not in cleaned["breadcrumbs"]["values"][0]
