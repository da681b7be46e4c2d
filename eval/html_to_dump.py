#!/usr/bin/env python3
"""Flatten HTML pages to whole-page text dumps (the kind of input dateline's
dump cleaner reads), for training the line classifier on more sites.

  html_to_dump.py HTML_DIR OUT.json

Writes {id: {"articleBody": dump}} for every HTML_DIR/<id>.html[.gz]. Visible
text only (no script/style/head); block elements start new lines, paragraph-
like elements are separated by a blank line — close to what text-dump
crawlers produce. Python 3 standard library only.
"""
import gzip, html.parser, json, os, re, sys

SKIP = {"script", "style", "noscript", "template", "svg", "iframe", "select", "option"}
DOUBLE = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "title", "blockquote", "article", "section",
          "form", "table", "figure", "header", "footer", "nav", "aside", "main", "ul", "ol", "dl", "pre"}
SINGLE = {"div", "li", "dd", "dt", "tr", "br", "figcaption", "caption", "address", "label", "button",
          "td", "th", "hr", "fieldset", "legend", "details", "summary"}
VOID = {"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed", "source", "track", "wbr"}


class Flattener(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip, self.pending = [], 0, 0

    def brk(self, n):  # breaks collapse: the largest pending one wins
        self.pending = max(self.pending, n)

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            if tag not in VOID:
                self.skip += 1
            return
        if tag in DOUBLE:
            self.brk(2)
        elif tag in SINGLE:
            self.brk(1)

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
            return
        if tag in DOUBLE:
            self.brk(2)
        elif tag in SINGLE and tag not in VOID:
            self.brk(1)

    def handle_data(self, data):
        if self.skip:
            return
        data = re.sub(r"[ \t\r\n\f]+", " ", data)
        if not data.strip():
            if self.out and not self.pending:
                self.out.append(" ")
            return
        if self.pending and self.out:
            self.out.append("\n" * self.pending)
        self.pending = 0
        self.out.append(data)

    def text(self):
        raw = "".join(self.out)
        lines = [l.strip() for l in raw.split("\n")]
        text = "\n".join(lines)
        return re.sub(r"\n{3,}", "\n\n", text).strip()


def main():
    src, dst = sys.argv[1], sys.argv[2]
    out = {}
    for name in sorted(os.listdir(src)):
        if not (name.endswith(".html") or name.endswith(".html.gz")):
            continue
        path = os.path.join(src, name)
        data = gzip.open(path).read() if name.endswith(".gz") else open(path, "rb").read()
        f = Flattener()
        try:
            f.feed(data.decode("utf-8", errors="replace"))
            f.close()
        except Exception as e:  # a broken page is skipped, not fatal
            print(f"skip {name}: {e}", file=sys.stderr)
            continue
        out[name.split(".")[0]] = {"articleBody": f.text()}
    json.dump(out, open(dst, "w"), ensure_ascii=False)
    print(f"{len(out)} pages -> {dst}", file=sys.stderr)


if __name__ == "__main__":
    main()
