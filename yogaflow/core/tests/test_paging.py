"""WindowPaginator gives the pages Django's Paginator gives, the first in one query."""

import pytest
from django.contrib.auth.models import Group
from django.core.paginator import Paginator

from yogaflow.core.paging import WindowPaginator

pytestmark = pytest.mark.django_db

ASKED = [None, "", "abc", "2.5", "0", "-1", "1", "2", "3", "4", "99", 2.0, 3]


def shape(page) -> tuple:
    return (
        page.number,
        [group.name for group in page],
        len(page),
        page.paginator.count,
        page.paginator.num_pages,
        list(page.paginator.page_range),
        page.has_next(),
        page.has_previous(),
        page.start_index(),
        page.end_index(),
    )


@pytest.mark.parametrize("rows", [0, 1, 9, 10, 11, 25, 30])
def test_every_page_asked_for_is_the_page_django_gives(rows):
    Group.objects.bulk_create(Group(name=f"g{n:03}") for n in range(rows))
    groups = Group.objects.order_by("name")
    for number in ASKED:
        assert shape(WindowPaginator(groups, 10).get_page(number)) == shape(
            Paginator(groups, 10).get_page(number)
        ), number


def test_the_first_page_is_one_query_and_the_others_two(django_assert_num_queries):
    Group.objects.bulk_create(Group(name=f"g{n:03}") for n in range(25))
    groups = Group.objects.order_by("name")
    for listed, number in [(groups, None), (groups, "1"), (groups, "abc"), (groups, 1)] + [
        (groups.filter(name="x"), 1)  # an empty list: its first page
    ]:
        with django_assert_num_queries(1):
            shape(WindowPaginator(listed, 10).get_page(number))
    for number in ("2", "3", "9", "0"):  # past the end and below 1: the last page
        with django_assert_num_queries(2):  # the count, the page
            shape(WindowPaginator(groups, 10).get_page(number))


def test_distinct_lists_and_plain_lists_are_paged_as_django_pages_them():
    Group.objects.bulk_create(Group(name=f"g{n:03}") for n in range(12))
    for items in (Group.objects.order_by("name").distinct(), list(range(12))):
        for number in ASKED:
            mine, theirs = (
                WindowPaginator(items, 5).get_page(number),
                Paginator(items, 5).get_page(number),
            )
            assert (mine.number, list(mine), mine.paginator.count) == (
                theirs.number,
                list(theirs),
                theirs.paginator.count,
            )
