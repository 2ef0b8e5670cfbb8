"""Flatten HTML nested deeper than libxml2 will build, so a deeply nested page's text is still extracted.

libxml2 (under lxml and trafilatura) stops at 256 levels of nesting ("Excessive depth in document") and
drops everything beneath, so a paragraph under 5,000 ``<div>``s came out as an empty page. Pages nested
deeper than :data:`MAX_DEPTH` are re-emitted with the tags below that depth left out and their text, entities
and comments kept. Hand-written on the standard library's streaming ``html.parser`` (no tree, no depth limit,
linear time): neither lxml nor trafilatura offers a depth option, and html5lib would build the deep tree.
"""

from __future__ import annotations

import re
from collections import Counter
from html.parser import HTMLParser

MAX_DEPTH = 200  # under libxml2's 256, leaving room for the levels trafilatura's cleaning adds
# Elements with no end tag, and those a same-name start tag closes implicitly (<p>…<p>, <li>…<li>).
VOID = frozenset(
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
     "basefont", "frame", "keygen"]
)  # fmt: skip
SELF_CLOSING = frozenset(
    ["p", "li", "dt", "dd", "tr", "td", "th", "option", "thead", "tbody", "tfoot", "colgroup", "rb", "rt", "rp",
     "optgroup"]
)  # fmt: skip
_TAG = re.compile(r"<(/?)([a-zA-Z][^\s/>]*)[^>]*>")


class _Flattener(HTMLParser):
    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self.max_depth = max_depth
        self.out: list[str] = []
        self.stack: list[str] = []
        self.open: Counter[str] = Counter()  # names on the stack, for O(1) "is it open?"
        self.deepest = 0

    def _pop(self) -> None:
        tag = self.stack.pop()
        self.open[tag] -= 1
        if len(self.stack) < self.max_depth:
            self.out.append(f"</{tag}>")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        raw = self.get_starttag_text() or f"<{tag}>"
        if tag in VOID:
            self.out.append(raw)
            return
        if tag in SELF_CLOSING and self.stack and self.stack[-1] == tag:
            self._pop()
        self.stack.append(tag)
        self.open[tag] += 1
        self.deepest = max(self.deepest, len(self.stack))
        if len(self.stack) <= self.max_depth:
            self.out.append(raw)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.out.append(self.get_starttag_text() or f"<{tag}/>")

    def handle_endtag(self, tag: str) -> None:
        if not self.open[tag]:
            return  # a stray end tag: browsers ignore it too
        while self.stack:
            top = self.stack[-1]
            self._pop()
            if top == tag:
                break

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_comment(self, data: str) -> None:
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")

    def handle_pi(self, data: str) -> None:
        self.out.append(f"<?{data}>")

    def unknown_decl(self, data: str) -> None:
        self.out.append(f"<![{data}]>")


def rough_depth(html: str) -> int:
    """The page's greatest nesting depth, from a regular-expression pass over its tags (about 30 times faster
    than ``html.parser``; it may misjudge tags inside scripts or comments, which only costs an exact parse)."""
    stack: list[str] = []
    open_: Counter[str] = Counter()
    deepest = 0
    for m in _TAG.finditer(html):
        tag = m.group(2).lower()
        if m.group(1):
            if open_[tag]:
                while stack:
                    top = stack.pop()
                    open_[top] -= 1
                    if top == tag:
                        break
        elif tag not in VOID and not m.group(0).endswith("/>"):
            if tag in SELF_CLOSING and stack and stack[-1] == tag:
                continue  # closes the previous one and opens another: depth unchanged
            stack.append(tag)
            open_[tag] += 1
            deepest = max(deepest, len(stack))
    return deepest


def flatten_deep(html: str, max_depth: int = MAX_DEPTH) -> str:
    """``html`` itself when it nests at most ``max_depth`` elements deep, else the page with every tag below
    that depth removed (their text kept)."""
    if rough_depth(html) <= max_depth // 2:
        return html  # clearly shallow: no exact parse needed
    parser = _Flattener(max_depth)
    parser.feed(html)
    parser.close()
    if parser.deepest <= max_depth:
        return html
    return "".join(parser.out)
