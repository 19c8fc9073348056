"""Integer lookups that stay calm with numbers no database column can hold.

SQLite stores integers in 64 bits; sqlite3 raises OverflowError (a 500) for a bigger Python
int in a query, where PostgreSQL just finds nothing. Django already handles ``exact``, ``lt``,
``gt`` … on integer fields (``IntegerFieldOverflow``); these cover what it leaves out:
``in`` on integer fields and ``exact``/``in`` on foreign keys and one-to-one keys (Wagtail
pages' primary keys), so that ``?id=99999999999999999999`` in any form or query answers
"no such object" on both databases. Registered once in ``WebConfig.ready``.
"""

from django.core.exceptions import EmptyResultSet
from django.db.models import ForeignObject, IntegerField
from django.db.models.fields.related_lookups import RelatedExact, RelatedIn
from django.db.models.lookups import In

INT64_MIN, INT64_MAX = -(2**63), 2**63 - 1


def out_of_range(value) -> bool:
    """True for an int no 64-bit column holds: it can match no row."""
    return (
        isinstance(value, int)
        and not isinstance(value, bool)
        and not (INT64_MIN <= value <= INT64_MAX)
    )


class _DropOutOfRange:
    def get_prep_lookup(self):
        rhs = super().get_prep_lookup()
        if isinstance(rhs, list | tuple | set | frozenset):
            # An empty list is then EmptyResultSet (In.process_rhs), as for ``pk__in=[]``.
            rhs = [value for value in rhs if not out_of_range(value)]
        return rhs


class IntegerFieldIn(_DropOutOfRange, In):
    pass


class BoundedRelatedIn(_DropOutOfRange, RelatedIn):
    pass


class BoundedRelatedExact(RelatedExact):
    def process_rhs(self, compiler, connection):
        if self.rhs_is_direct_value() and out_of_range(self.rhs):
            raise EmptyResultSet
        return super().process_rhs(compiler, connection)


def register() -> None:
    IntegerField.register_lookup(IntegerFieldIn)
    ForeignObject.register_lookup(BoundedRelatedIn)
    ForeignObject.register_lookup(BoundedRelatedExact)
