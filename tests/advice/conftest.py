"""Fixtures of the advice tests: the offline brain's maps and fake knowledge base."""

from tests.brains.conftest import FakeKB, empty_stages, shop_map, tip

__all__ = ["FakeKB", "empty_stages", "shop_map", "tip"]
