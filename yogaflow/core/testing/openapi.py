"""The OpenAPI schema as the apps' API tests read it, and the rule each operation follows."""

from functools import cache

from drf_spectacular.generators import SchemaGenerator

from yogaflow.core.api.schema import ANY_OPERATION, OPTIONAL_TOKEN, WITH_A_BODY


@cache
def openapi_schema() -> dict:
    """Built once per test run: the schema depends on code only."""
    return SchemaGenerator().get_schema(request=None, public=True)


def assert_documented(path: str, method: str, operation_id, statuses, token_optional: bool):
    """Its id, every status it answers, errors in the one error shape, and who may call it."""
    schema = openapi_schema()
    operation = schema["paths"][path][method]
    # Said once for all (yogaflow.core.api.schema.document_refusals): 405, 406, 429, 500 and
    # 503 everywhere, 413 and 415 wherever a body is taken.
    statuses = {*statuses, *ANY_OPERATION, *(WITH_A_BODY if "requestBody" in operation else ())}

    assert operation["operationId"] == operation_id
    assert set(operation["responses"]) == {str(status) for status in statuses}
    assert operation["summary"] and operation["tags"]
    for status, response in operation["responses"].items():
        if status.startswith(("4", "5")):
            content = response["content"]["application/json"]["schema"]
            assert content == {"$ref": "#/components/schemas/Error"}
    assert effective_security(schema, operation) == (
        OPTIONAL_TOKEN if token_optional else [{"jwtAuth": []}]
    )


def effective_security(schema: dict, operation: dict) -> list:
    """The operation's own security requirements, or the root's it inherits."""
    return operation.get("security", schema.get("security", []))
