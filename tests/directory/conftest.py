"""Directory fixtures: a directory editor, the taxonomy terms, and a way to add services."""

from __future__ import annotations

from typing import Any

import pytest

from tests.conftest import PASSWORD


@pytest.fixture
def editor(world):
    """Dafni, a directory editor of the ministry (public portal only)."""
    from accounts.models import User
    from accounts.roles import Role
    from accounts.services import grant_role

    user = User.objects.create_user("dafni@example.gr", PASSWORD, first_name="Dafni")
    grant_role(user=user, tenant=None, role=Role.DIRECTORY_EDITOR)
    return user


@pytest.fixture
def term():
    """term(code) -> the taxonomy term loaded by the migration."""
    from directory.models import TaxonomyTerm

    return lambda code: TaxonomyTerm.objects.get(code=code)


@pytest.fixture
def national(editor):
    """national(name, **fields) -> a national service added by the editor."""
    from directory.services import Editor, organization_create, service_create

    def _national(name: str, organization: str = "Οργανισμός", **kwargs: Any):
        org = organization_create(editor=Editor(editor), data={"name": organization})
        data = {"name": name, **kwargs.pop("data", {})}
        return service_create(editor=Editor(editor), organization=org, data=data, **kwargs)

    return _national


def unit(code: str):
    """The Kallikratis unit with this code (region, regional unit or municipality)."""
    from geography.models import Municipality, Region, RegionalUnit

    for model in (Municipality, RegionalUnit, Region):
        found = model.objects.filter(code=code).first()
        if found is not None:
            return found
    raise LookupError(code)
