"""Property-based calls from the OpenAPI document (schemathesis): no input makes the server fail."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from artikel100.serve import create_app
from conftest import make_settings


@pytest.fixture(scope="module")
def api_schema(sqlite_url, tmp_path_factory):  # type: ignore[no-untyped-def]
    app = create_app(make_settings(sqlite_url, tmp_path_factory.mktemp("fuzz")))
    yield schemathesis.openapi.from_asgi("/openapi.json", app)
    app.state.jobs.close()
    app.state.registry.close()


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=15, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_input_makes_a_server_error(case) -> None:  # type: ignore[no-untyped-def]
    response = case.call()
    assert response.status_code < 500, (case.method, case.formatted_path, case.query, response.text[:300])
    content_type = response.headers.get("content-type") or [""]
    if response.status_code >= 400 and str(content_type[0] if isinstance(content_type, list) else content_type).startswith("application/json"):
        body = response.json()
        assert set(body["error"]) == {"status", "code", "message"} and body["error"]["status"] == response.status_code
