"""Small-number suppression for the figures about signals that leave the staff screens.

Everything published about signals (the public page, the API, the reports for the ministry)
is a table of one or two dimensions (theme, sector, province, month): *cells* (one per
combination of values), *margins* (one per value of each dimension) and the *grand total*.
Each figure has two numbers: ``count`` (signals) and ``councils`` (distinct councils that see
them: the reporter's council and the councils that co-signed). Distinct councils do not add
up, so every margin and the total carry their own council count, computed from the data.

Two steps, as statistical offices do it:

1. **Primary suppression.** Every figure (cell, margin or total) with signals seen by fewer
   than ``min_councils`` distinct councils is suppressed (``RAADSPLEIN_SIGNALS_MIN_COUNCILS``,
   default 5). An empty figure (no signals) is shown as 0: it says only that no council
   reported there, and a known 0 leaves every hidden figure at least 1, so that moving one
   around a cycle (below) keeps every figure at 0 or more.
2. **Complementary suppression.** Totals are shown, so a suppressed figure could be worked
   out by subtraction ("row total minus the cells you can see"). More figures are suppressed
   until no suppressed figure follows from the published ones:

   - *line rule*: in every equation whose total is shown (a row, a column, the margins of a
     dimension against the grand total) there are zero or at least two suppressed figures
     (one suppressed *empty* figure may stay alone: working it out says only that no
     council reported there);
   - *cycle rule* (two dimensions): the table with its margins is a set of equations, one
     per row and per column of the table extended by its margins. A set of unknown figures can
     only be solved when one of them is a *bridge* in the graph of unknowns (rows and columns
     as nodes, each suppressed figure an edge between its row and column). A figure on a
     cycle of that graph can move by +1/−1 around the cycle without changing any total, so
     it is not determined. Every suppressed figure with signals is kept off bridges.

   Complements are the visible figures with the smallest counts that do the job. The steps
   repeat until nothing changes (a fixed point).

**The same margins in every answer.** The margins of a dimension are suppressed by the
one-dimensional rule alone (margins against the grand total), so the answer ``by=theme``
and the margins of ``by=theme,sector`` are the same figures with the same suppression; the
cells of a two-dimensional table are then protected with those margins fixed. Comparing
answers therefore gives nothing the two-dimensional answer alone does not give. When no
complementary cell can protect a figure (rare, very sparse tables), every cell of the table is
suppressed and the margins stay as they are.

Limits (docs/advocacy.md): the reasoning assumes cells add up to their margins. With signals
that have several themes or sectors they add up to more, which gives an attacker less, not
more. Suppressed cells keep ranges that can be narrow (a cell of 3 next to a complement of 1
is "between 0 and 4"); the rule prevents exact disclosure, not every inference. The number of
councils is protected by the same pattern as the number of signals.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

PRIMARY = "primary"
COMPLEMENTARY = "complementary"

Value = Hashable


@dataclass
class Figure:
    """One published number pair. ``values`` are the dimension values (one per dimension for a
    cell, one for a margin, none for the grand total)."""

    values: tuple
    count: int
    councils: int
    suppressed: bool = False
    reason: str = ""

    def suppress(self, reason: str) -> bool:
        if self.suppressed:
            return False
        self.suppressed = True
        self.reason = reason
        return True

    def as_dict(self, dims: Sequence[str]) -> dict:
        """The figure as the API answers it: values by dimension name, and ``count`` and
        ``councils`` both ``None`` with ``suppressed: True`` when suppressed."""
        out = dict(zip(dims, self.values, strict=True))
        out["count"] = None if self.suppressed else self.count
        out["councils"] = None if self.suppressed else self.councils
        out["suppressed"] = self.suppressed
        return out


@dataclass
class Table:
    """A table of one or two dimensions. ``cells`` maps a tuple of values to its figure;
    ``margins[d]`` maps a value of dimension ``d`` to its figure. In a one-dimensional table
    the cells and the margins are the same figures."""

    dims: tuple[str, ...]
    values: tuple[tuple, ...]
    cells: dict[tuple, Figure]
    margins: tuple[dict[Value, Figure], ...]
    total: Figure
    # Set when complementary cells could not protect a figure and every cell was suppressed.
    fell_back: bool = field(default=False)

    def figures(self) -> Iterable[Figure]:
        yield from self.cells.values()
        if len(self.dims) > 1:
            for margin in self.margins:
                yield from margin.values()
        yield self.total


def _count(councils) -> int:
    return councils if isinstance(councils, int) else len(set(councils))


def build_table(
    dims: Sequence[str],
    values: Sequence[Sequence[Value]],
    cells: Mapping[tuple, tuple[int, object]],
    margins: Sequence[Mapping[Value, tuple[int, object]]],
    total: tuple[int, object],
) -> Table:
    """A table from plain numbers: ``cells[(v1, v2)] = (count, councils)`` where ``councils``
    is a number or a set of council ids; ``margins[d][v]`` and ``total`` likewise. Every
    combination of ``values`` gets a cell; one not given is (0, 0)."""
    dims = tuple(dims)
    if len(dims) not in (1, 2) or len(values) != len(dims) or len(margins) != len(dims):
        raise ValueError("A table has one or two dimensions, with values and margins for each.")
    values = tuple(tuple(v) for v in values)

    def figure(key, data):
        count, councils = data if data is not None else (0, 0)
        return Figure(values=key, count=int(count), councils=_count(councils))

    if len(dims) == 1:
        cell_figures = {(v,): figure((v,), cells.get((v,), margins[0].get(v))) for v in values[0]}
        margin_figures = ({v: cell_figures[(v,)] for v in values[0]},)
    else:
        cell_figures = {
            (a, b): figure((a, b), cells.get((a, b))) for a in values[0] for b in values[1]
        }
        margin_figures = tuple(
            {v: figure((v,), margins[d].get(v)) for v in values[d]} for d in range(2)
        )
    return Table(
        dims=dims,
        values=values,
        cells=cell_figures,
        margins=margin_figures,
        total=figure((), total),
    )


def table_from_records(
    dims: Sequence[str], values: Sequence[Sequence[Value]], records: Iterable[tuple]
) -> Table:
    """A table from raw records ``(signal_id, council_id, value_of_dim_1[, value_of_dim_2])``,
    one per signal, council and combination it counts in. Counts are distinct signals and
    councils are distinct councils, per cell, per margin and in total (for tests and small
    data; the aggregates do the same in SQL)."""
    records = list(records)
    n = len(dims)

    def gather(key_of):
        found: dict = {}
        for record in records:
            key = key_of(record)
            signals, councils = found.setdefault(key, (set(), set()))
            signals.add(record[0])
            councils.add(record[1])
        return {k: (len(s), c) for k, (s, c) in found.items()}

    cells = gather(lambda r: tuple(r[2 : 2 + n]))
    margins = [gather(lambda r, d=d: r[2 + d]) for d in range(n)]
    every = gather(lambda r: ())
    return build_table(dims, values, cells, margins, every.get((), (0, 0)))


# -- the rules ---------------------------------------------------------------------------------


def _smallest(figures: Iterable[Figure], *, empty: bool = False) -> Figure | None:
    """The visible figure with signals with the smallest count (then the fewest councils;
    ties by values, so the choice is the same every time). Shown empty figures are known to
    be 0 and hide nothing; with ``empty`` they are the last resort."""
    candidates = [f for f in figures if not f.suppressed and (f.count or empty)]
    if not candidates:
        return None
    return min(candidates, key=lambda f: (f.count == 0, f.count, f.councils, repr(f.values)))


def _line(parts: list[Figure], total: Figure) -> bool:
    """One equation ``sum(parts) = total``: never exactly one unknown while the total is
    shown; a total that is hidden while every part is shown is worked out by adding, so a
    part is hidden too. Returns whether something was suppressed."""
    unknown = [f for f in parts if f.suppressed]
    if total.suppressed:
        if unknown or not total.count:
            return False
        chosen = _smallest(parts)
        return chosen is not None and chosen.suppress(COMPLEMENTARY)
    if len(unknown) != 1 or not unknown[0].count:
        # An empty figure that can be worked out says only that no council reported.
        return False
    chosen = _smallest(parts)
    if chosen is None:
        # Only the total is left to hide (every part of a shown total is already hidden but
        # one: that one can be worked out); hiding the total makes it two unknowns.
        return total.suppress(COMPLEMENTARY)
    return chosen.suppress(COMPLEMENTARY)


def _suppress_margins(margin: dict[Value, Figure], total: Figure) -> None:
    """The one-dimensional rule: the margins of a dimension against the grand total."""
    parts = list(margin.values())
    while _line(parts, total):
        pass


def _edges(table: Table) -> dict[tuple, Figure]:
    """The extended two-dimensional table as a bipartite graph: row nodes ("r", a) and the
    margin row ("r", None); column nodes ("c", b) and the margin column ("c", None). Each
    figure is the edge between its row and its column."""
    rows, cols = table.margins
    edges = {(("r", a), ("c", b)): f for (a, b), f in table.cells.items()}
    edges.update({(("r", a), ("c", None)): f for a, f in rows.items()})
    edges.update({(("r", None), ("c", b)): f for b, f in cols.items()})
    edges[(("r", None), ("c", None))] = table.total
    return edges


def _bridges(edges: Iterable[tuple]) -> set[tuple]:
    """The bridges of an undirected simple graph given as edges (Tarjan's low-link)."""
    adjacent: dict = {}
    for edge in edges:
        u, v = edge
        adjacent.setdefault(u, []).append((v, edge))
        adjacent.setdefault(v, []).append((u, edge))
    order: dict = {}
    low: dict = {}
    found: set = set()
    counter = 0
    for start in adjacent:
        if start in order:
            continue
        order[start] = low[start] = counter
        counter += 1
        stack = [(start, None, iter(adjacent[start]))]
        while stack:
            node, via, neighbours = stack[-1]
            advanced = False
            for other, edge in neighbours:
                if edge == via:
                    continue
                if other in order:
                    low[node] = min(low[node], order[other])
                else:
                    order[other] = low[other] = counter
                    counter += 1
                    stack.append((other, edge, iter(adjacent[other])))
                    advanced = True
                    break
            if not advanced:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > order[parent]:
                        found.add(via)
    return found


def _component(edges: Iterable[tuple], start, without: tuple) -> set:
    adjacent: dict = {}
    for edge in edges:
        if edge == without:
            continue
        u, v = edge
        adjacent.setdefault(u, set()).add(v)
        adjacent.setdefault(v, set()).add(u)
    seen = {start}
    todo = [start]
    while todo:
        for other in adjacent.get(todo.pop(), ()):
            if other not in seen:
                seen.add(other)
                todo.append(other)
    return seen


def exposed(table: Table) -> list[Figure]:
    """Suppressed figures with signals that the published figures determine, by the cycle
    rule (one-dimensional tables: the line rule). Empty when the table is safe."""
    if len(table.dims) == 1:
        parts = list(table.cells.values())
        unknown = [f for f in [*parts, table.total] if f.suppressed]
        return [f for f in unknown if f.count] if len(unknown) == 1 else []
    edges = _edges(table)
    hidden = [e for e, f in edges.items() if f.suppressed]
    return [edges[e] for e in sorted(_bridges(hidden), key=repr) if edges[e].count]


def _protect_cells(table: Table) -> None:
    """Complementary suppression of the cells of a two-dimensional table, margins fixed."""
    rows, cols = table.margins
    row_values, col_values = table.values
    cells = table.cells
    changed = True
    while changed:
        changed = False
        for a in row_values:
            changed |= _line_cells([cells[(a, b)] for b in col_values], rows[a])
        for b in col_values:
            changed |= _line_cells([cells[(a, b)] for a in row_values], cols[b])
        if changed:
            continue
        edges = _edges(table)
        hidden = {e for e, f in edges.items() if f.suppressed}
        bridges = sorted(
            (e for e in _bridges(hidden) if edges[e].count and edges[e].reason == PRIMARY),
            key=lambda e: (edges[e].count, repr(e)),
        )
        if not bridges:
            return
        bridge = bridges[0]
        u, v = bridge
        side_u = _component(hidden, u, bridge)
        side_v = _component(hidden, v, bridge)
        visible = [(e, f) for e, f in edges.items() if not f.suppressed and e in _interior(table)]
        joining = [
            f
            for (p, q), f in visible
            if (p in side_u and q in side_v) or (p in side_v and q in side_u)
        ]
        growing = [f for (p, q), f in visible if {p, q} & (side_u | side_v)]
        chosen = (
            _smallest(joining)
            or _smallest(growing)
            or _smallest(joining, empty=True)
            or _smallest(growing, empty=True)
        )
        if chosen is None:
            for f in cells.values():
                f.suppress(COMPLEMENTARY)
            table.fell_back = True
            return
        chosen.suppress(COMPLEMENTARY)
        changed = True


def _interior(table: Table) -> set[tuple]:
    return {(("r", a), ("c", b)) for (a, b) in table.cells}


def _line_cells(parts: list[Figure], total: Figure) -> bool:
    """The line rule for a row or column of cells whose margin is fixed: when the margin is
    hidden and all cells shown, the margin could be added up, so hide its smallest cell."""
    unknown = [f for f in parts if f.suppressed]
    if total.suppressed:
        if unknown or not total.count:
            return False
    elif len(unknown) != 1 or not unknown[0].count:
        return False
    chosen = _smallest(parts)
    return chosen is not None and chosen.suppress(COMPLEMENTARY)


def suppress(table: Table, *, min_councils: int | None = None) -> Table:
    """Mark every figure of ``table`` that must not be published (in place; returns the table).

    ``min_councils`` defaults to ``settings.RAADSPLEIN_SIGNALS_MIN_COUNCILS``."""
    if min_councils is None:
        from django.conf import settings

        min_councils = settings.RAADSPLEIN_SIGNALS_MIN_COUNCILS
    for figure in table.figures():
        if figure.count and figure.councils < min_councils:
            figure.suppress(PRIMARY)
    if len(table.dims) == 1:
        _suppress_margins(table.margins[0], table.total)
        return table
    for margin in table.margins:
        _suppress_margins(margin, table.total)
    _protect_cells(table)
    return table
