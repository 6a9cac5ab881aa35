"""Checks a sheet's DOM as a browser built it: every footnote link leads to a footnote
that exists, every footnote links back, and nothing executable made it in.

Usage: python3 check_footnotes.py DOM.html
"""

import sys
from html.parser import HTMLParser


class Collect(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids = set()
        self.links = []  # (href, inside a footnote reference)
        self.scripts = []
        self.handlers = []
        self._ref = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        if tag == "sup" and "ref" in (attrs.get("class") or ""):
            self._ref += 1
        if tag == "a" and attrs.get("href", "").startswith("#"):
            self.links.append((attrs["href"][1:], self._ref > 0))
        if tag == "script":
            self.scripts.append(attrs.get("type"))
        self.handlers += [name for name in attrs if name.startswith("on")]

    def handle_endtag(self, tag):
        if tag == "sup" and self._ref:
            self._ref -= 1


def main(path):
    dom = Collect()
    with open(path, encoding="utf-8") as f:
        dom.feed(f.read())
    footnote_links = [href for href, is_ref in dom.links if is_ref]
    problems = []
    if not footnote_links:
        problems.append("no footnote links at all")
    problems += [f"link to #{href} leads nowhere" for href, _ in dom.links if href not in dom.ids]
    footnotes = sorted(i for i in dom.ids if i.startswith("fn-"))
    problems += [f"{fn} is never linked to" for fn in footnotes if fn not in footnote_links]
    problems += [f"a script of type {t!r}" for t in dom.scripts if t != "application/ld+json"]
    problems += [f"an event handler {h}" for h in dom.handlers]
    for problem in problems:
        print(f"error: {problem}")
    print(f"{path}: {len(footnote_links)} footnote links to {len(footnotes)} footnotes, "
          f"{len(dom.links)} links in all, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
