"""The OpenAPI schema as the apps' API tests read it, and the rule each operation follows."""

from functools import cache

from drf_spectacular.generators import SchemaGenerator


@cache
def openapi_schema() -> dict:
    """Built once per test run: the schema depends on code only."""
    return SchemaGenerator().get_schema(request=None, public=True)


def assert_documented(path: str, method: str, operation_id, statuses, token_optional: bool):
    """Its id, every status it answers, errors in the one error shape, and who may call it."""
    operation = openapi_schema()["paths"][path][method]
    # Said once for all (yogaflow.core.api.schema.document_refusals): 503 everywhere, 413
    # wherever a body is taken.
    statuses = {*statuses, "503", *(["413"] if "requestBody" in operation else [])}

    assert operation["operationId"] == operation_id
    assert set(operation["responses"]) == statuses
    assert operation["summary"] and operation["tags"]
    for status, response in operation["responses"].items():
        if status.startswith("4"):
            content = response["content"]["application/json"]["schema"]
            assert content == {"$ref": "#/components/schemas/Error"}
    expected_security = [{"jwtAuth": []}, {}] if token_optional else [{"jwtAuth": []}]
    assert operation["security"] == expected_security
