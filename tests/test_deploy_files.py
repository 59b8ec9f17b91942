"""The deployment files, checked without building or deploying them: the Dockerfile, the
compose file and its nginx, and the Azure template (main.bicep and main.json, which must be
the same template). deploy/check-image.sh builds and starts the image itself (by hand)."""

import json
import re
import tomllib
from collections import Counter
from functools import cache

import jsonschema
import yaml
from packaging.specifiers import SpecifierSet
from pycep import BicepParser

from bot.settings import Settings
from tests.arm_expressions import Call, calls, is_expression, parse
from tests.support import REPO, SCHEMAS

AZURE = REPO / "deploy" / "azure"
DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
ARM_FUNCTIONS = {
    "concat", "format", "if", "equals", "empty", "not", "createArray", "createObject",
    "reference", "resourceId", "subscriptionResourceId", "extensionResourceId", "listKeys",
    "parameters", "variables", "tenant", "resourceGroup", "uniqueString", "take", "guid",
    "string", "json", "uriComponent", "null", "true", "false",
}  # fmt: skip
NEW_AZURE_NAMES = {  # the Microsoft 365 Agents SDK's names (issue 16)
    f"CONNECTIONS__SERVICE_CONNECTION__SETTINGS__{name}"
    for name in ("CLIENTID", "CLIENTSECRET", "TENANTID", "AUTHTYPE")
}


# --- Dockerfile -------------------------------------------------------------------------


def dockerfile() -> list[tuple[str, str]]:
    """(instruction, arguments), continuation lines joined, comments left out."""
    text = (REPO / "Dockerfile").read_text(encoding="utf-8")
    joined = re.sub(r"\\\n", " ", text)
    steps = []
    for line in joined.splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            instruction, _, arguments = line.strip().partition(" ")
            steps.append((instruction.upper(), " ".join(arguments.split())))
    return steps


def final_stage() -> list[tuple[str, str]]:
    steps = dockerfile()
    last_from = max(i for i, (instruction, _) in enumerate(steps) if instruction == "FROM")
    return steps[last_from:]


def test_dockerfile_builds_in_one_stage_and_runs_in_a_slim_one():
    steps = dockerfile()
    assert ("ARG", "PYTHON_IMAGE=python:3.12-slim") in steps
    froms = [arguments for instruction, arguments in steps if instruction == "FROM"]
    assert froms == ["${PYTHON_IMAGE} AS build", "${PYTHON_IMAGE}"]
    final = final_stage()
    assert ("COPY", "--from=build /opt/retbot /opt/retbot") in final
    runs = " ".join(arguments for instruction, arguments in final if instruction == "RUN")
    for tool in ("apt-get", "gcc", "build-essential", "pip install"):
        assert tool not in runs, tool  # nothing to build with in the image that runs


def test_dockerfile_runs_retbot_serve_unprivileged_with_a_health_check():
    final = dict(final_stage())
    user = final["USER"]
    assert user.split(":")[0] not in ("root", "0")
    assert final["HEALTHCHECK"].endswith(
        'CMD ["retbot", "health", "--url", "http://127.0.0.1:3978/healthz"]'
    )
    assert final["ENTRYPOINT"] == '["retbot"]'
    assert final["CMD"] == '["serve", "--host", "0.0.0.0", "--port", "3978"]'
    assert final["EXPOSE"] == "3978"


def test_dockerfile_copies_every_package_retbot_installs():
    """A new top-level package must be copied into the build too, or the image lacks it."""
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    packages = {
        name.rstrip("*") for name in project["tool"]["setuptools"]["packages"]["find"]["include"]
    }
    copied = {
        arguments.split()[0]
        for instruction, arguments in dockerfile()
        if instruction == "COPY" and not arguments.startswith("--from")
    }
    assert packages <= copied, packages - copied


def test_the_images_python_is_one_retbot_accepts():
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    [image] = [a for i, a in dockerfile() if i == "ARG" and a.startswith("PYTHON_IMAGE=")]
    version = re.search(r"python:([0-9]+\.[0-9]+)", image).group(1)
    assert version in SpecifierSet(project["project"]["requires-python"])


# --- compose ------------------------------------------------------------------------------


@cache
def compose() -> dict:
    return yaml.safe_load((REPO / "compose.yaml").read_text(encoding="utf-8"))


def test_compose_runs_two_retbot_instances_on_one_postgresql():
    services = compose()["services"]
    assert set(services) == {"postgres", "retbot-1", "retbot-2", "proxy", "mail"}
    one, two = services["retbot-1"], services["retbot-2"]
    assert one == two  # the same image, settings and RET file
    assert one["build"] == "." and one["image"] == "localhost/retbot:latest"
    url = one["environment"]["RETBOT_DATABASE_URL"]
    postgres = services["postgres"]["environment"]
    assert url == (
        f"postgresql+asyncpg://{postgres['POSTGRES_USER']}:{postgres['POSTGRES_PASSWORD']}"
        f"@postgres:5432/{postgres['POSTGRES_DB']}"
    )
    assert one["depends_on"]["postgres"] == {"condition": "service_healthy"}
    assert services["postgres"]["image"].startswith("docker.io/library/postgres:16")
    assert one["healthcheck"]["test"] == ["CMD", "retbot", "health"]
    host, _, path = one["volumes"][0].partition(":")
    assert (REPO / host).is_file() and path == one["environment"]["RETBOT_CONFIG"] + ":ro"


def test_compose_settings_are_retbots_own():
    """Every RETBOT_ setting in compose.yaml is one retbot reads (no typo goes unnoticed)."""
    known = {
        alias
        for field in Settings.model_fields.values()
        for alias in field.validation_alias.choices
    }
    environment = compose()["services"]["retbot-1"]["environment"]
    assert set(environment) <= known, set(environment) - known
    assert environment["RETBOT_SMTP_HOST"] == "mail" and environment["RETBOT_SMTP_PORT"] == "1025"


def test_one_port_leads_to_both_instances():
    services = compose()["services"]
    proxy = services["proxy"]
    assert proxy["ports"] == ["3978:3978"]
    conf = (REPO / proxy["volumes"][0].split(":")[0]).read_text(encoding="utf-8")
    upstream = re.findall(r"server (\S+);", conf.split("upstream retbot {")[1].split("}")[0])
    assert upstream == ["retbot-1:3978", "retbot-2:3978"]
    assert "listen 3978;" in conf and "proxy_pass http://retbot;" in conf
    assert set(proxy["depends_on"]) == {"retbot-1", "retbot-2"}


# --- Azure: the ARM JSON on its own ----------------------------------------------------------


@cache
def template() -> dict:
    return json.loads((AZURE / "main.json").read_text(encoding="utf-8"))


def strings(value) -> list[str]:
    """Every string in the template, keys included (a key can be an expression too)."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for key, item in value.items() for s in (key, *strings(item))]
    if isinstance(value, list):
        return [s for item in value for s in strings(item)]
    return []


@cache
def all_calls() -> list[Call]:
    return [
        call for text in strings(template()) if is_expression(text) for call in calls(parse(text))
    ]


def test_arm_template_has_the_documented_shape():
    schema = json.loads((SCHEMAS / "arm-template-shape.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft7Validator(schema).validate(template())


def test_every_expression_parses_and_calls_only_template_functions():
    opened = [t for t in strings(template()) if t.startswith("[") and not t.startswith("[[")]
    assert all(is_expression(text) for text in opened), [t for t in opened if t[-1] != "]"]
    used = {call.function for call in all_calls()}
    assert used <= ARM_FUNCTIONS, used - ARM_FUNCTIONS


def test_every_parameter_and_variable_is_declared_and_used():
    named = Counter()
    for call in all_calls():
        if call.function in ("parameters", "variables"):
            [name] = call.arguments
            named[call.function, name] += 1
    parameters = set(template()["parameters"])
    variables = set(template()["variables"])
    assert {n for kind, n in named if kind == "parameters"} == parameters
    assert {n for kind, n in named if kind == "variables"} == variables


def test_every_api_version_is_pinned():
    for resource in template()["resources"]:
        assert DATE.match(resource["apiVersion"]), resource["type"]
    for call in all_calls():
        if call.function in ("reference", "listKeys"):
            assert len(call.arguments) >= 2 and DATE.match(call.arguments[1]), call


def test_dependencies_and_references_are_resources_of_this_template():
    """Deployed here, or an existing one the Bicep names (the RET's container registry)."""
    declared = {resource["type"] for resource in template()["resources"]}
    declared |= {r["type"] for r in bicep()["resources"].values() if r["existing"]}
    for call in all_calls():
        if call.function == "resourceId":
            assert call.arguments[0] in declared, call.arguments[0]


def test_the_app_runs_two_replicas_with_the_agents_sdk_settings_and_vault_secrets():
    resources = {r["type"]: r for r in template()["resources"]}
    app = resources["Microsoft.App/containerApps"]
    assert template()["parameters"]["minReplicas"]["defaultValue"] >= 2
    assert template()["parameters"]["minReplicas"]["minValue"] >= 2
    [container] = app["properties"]["template"]["containers"]
    probes = {p["type"]: p["httpGet"] for p in container["probes"]}
    assert set(probes) == {"Startup", "Liveness", "Readiness"}
    assert {p["path"] for p in probes.values()} == {"/healthz"}
    env = set(re.findall(r"'name', '([A-Za-z_]+)'", container["env"]))
    assert env >= NEW_AZURE_NAMES
    assert not {"MicrosoftAppId", "MicrosoftAppPassword", "MicrosoftAppTenantId"} & env
    known = {a for f in Settings.model_fields.values() for a in f.validation_alias.choices}
    assert {e for e in env if e.startswith("RETBOT_")} <= known
    names = template()["variables"]["vaultSecrets"]
    kept = {
        names[key]
        for r in template()["resources"]
        if r["type"] == "Microsoft.KeyVault/vaults/secrets"
        for key in re.findall(r"variables\('vaultSecrets'\)\.(\w+)", r["name"])
    }
    needed = {"retbot-data-key", "retbot-link-key", "retbot-monitor-key", "retbot-bot-secret"}
    assert needed <= kept


# --- Azure: the Bicep and the JSON are the same template ---------------------------------------


@cache
def bicep() -> dict:
    return BicepParser().parse(text=(AZURE / "main.bicep").read_text(encoding="utf-8"))


def bicep_parameter(declared: dict) -> dict:
    """The ARM JSON parameter a Bicep parameter compiles to."""
    decorators = {d["type"]: d.get("argument") for d in declared.get("decorators", [])}
    kind = declared["type"]
    arm = {"type": "securestring" if kind == "string" and "secure" in decorators else kind}
    if declared.get("default") is not None:
        arm["defaultValue"] = declared["default"]
    for decorator, key in (("allowed", "allowedValues"), ("min_value", "minValue"),
                           ("max_value", "maxValue"), ("min_length", "minLength"),
                           ("max_length", "maxLength")):  # fmt: skip
        if decorator in decorators:
            arm[key] = decorators[decorator]
    if "description" in decorators:
        # pycep keeps the Bicep string's escapes: \' is a quote
        arm["metadata"] = {"description": decorators["description"].replace("\\'", "'")}
    return arm


def test_bicep_and_json_have_the_same_parameters():
    declared = bicep()["parameters"]
    arm = template()["parameters"]
    assert list(declared) == list(arm)
    for name, parameter in declared.items():
        assert arm[name] == bicep_parameter(parameter), name


def test_bicep_and_json_have_the_same_resources_and_outputs():
    declared = Counter(
        (r["type"], r["api_version"], r["config"].get("condition") is not None)
        for r in bicep()["resources"].values()
        if not r["existing"]  # a resource the template only refers to: not in the JSON
    )
    arm = Counter((r["type"], r["apiVersion"], "condition" in r) for r in template()["resources"])
    assert declared == arm
    assert list(bicep()["outputs"]) == list(template()["outputs"])


def test_bicep_variables_are_the_jsons_but_those_read_at_deployment():
    """A variable that reads a deployed resource's property (publicHost) cannot be an ARM
    variable: the JSON writes it out where it is used, as the Bicep compiler does."""
    assert set(bicep()["variables"]) - set(template()["variables"]) == {"publicHost"}
    assert set(template()["variables"]) <= set(bicep()["variables"])
