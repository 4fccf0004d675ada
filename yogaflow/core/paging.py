"""The first page of a list and the list's length in one query.

Django's Paginator counts the rows (SELECT COUNT(*)) before it reads the page's rows: two
queries, each compiled by the ORM, on every library and catalogue page. WindowPaginator reads
the first page's rows with the total beside each (COUNT(*) OVER (), computed before LIMIT), so
the page nearly every visit sees costs one query; the same pages, numbers and links as
Paginator's (yogaflow/core/tests/test_paging.py compares them for any length and page asked
for). A later page is read as Paginator reads it: whether it lies past the end (then the last
page is shown) is only known from the count, and reading it first keeps such a page at two
queries."""

from django.core.paginator import Paginator
from django.db.models import Count, Window

TOTAL = "paged_total"


class WindowPaginator(Paginator):
    """Paginator whose first page (asked for as 1, or not as a number) reads its rows and the
    count together; every other page, a plain list and a distinct or combined query as
    Paginator reads them."""

    def get_page(self, number):
        if not self._first_page_in_one_query() or self._asked_number(number) != 1:
            return super().get_page(number)
        counted = self.object_list.annotate(**{TOTAL: Window(Count("*"))})
        rows = list(counted[: self.per_page])
        self.__dict__["count"] = getattr(rows[0], TOTAL) if rows else 0  # the cached property
        return self._get_page(rows, 1, self)

    def _first_page_in_one_query(self) -> bool:
        query = getattr(self.object_list, "query", None)
        return not (
            query is None  # a list: Paginator takes its len()
            or query.distinct  # the window would count rows before DISTINCT
            or query.combinator
            or query.is_sliced
            or self.orphans  # a last page that takes the next one's rows
            or not self.allow_empty_first_page
        )

    @staticmethod
    def _asked_number(number) -> int | None:
        """The page Paginator.get_page would start from: 1 when it is not a whole number."""
        try:
            if isinstance(number, float) and not number.is_integer():
                raise ValueError
            return int(number)
        except (TypeError, ValueError):
            return 1
