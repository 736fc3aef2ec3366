#!/usr/bin/env python3
"""Builds the sample web pages in this folder from the sample story's text
files (../harbour-strike): each page wraps the article's own paragraphs in
the furniture real news pages carry (navigation, a cookie banner, share
buttons, a newsletter box, related links, comments) and states its metadata
the way real sites do. Run from this folder; the pages are committed.

- coastal-herald.html: Open Graph and article: meta tags, a canonical link.
- meridian-wire.html.gz: JSON-LD NewsArticle (publisher, headline,
  datePublished, author), gzipped as a browser or crawler may save it.
- northport-times.htm: neither; only <title> (with the site name) and <h1>.
"""
import gzip, html, json

def body(path):
    text = open(path, encoding="utf-8").read()
    if text.startswith("---"):
        text = text.split("---", 2)[2]
    paras = [p.strip().replace("\n", " ") for p in text.split("\n\n") if p.strip()]
    paras = [p for p in paras if not p.lower().startswith(("photo:", "advertisement", "leave a reply", "related:", "share this"))]
    return paras

FURNITURE_TOP = """<div id="cookie-banner" class="cookie-consent"><p>We use cookies to improve your experience. <button>Accept all</button> <button>Manage preferences</button></p></div>
<header class="site-header"><nav class="main-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/business">Business</a></li><li><a href="/sport">Sport</a></li><li><a href="/opinion">Opinion</a></li></ul></nav></header>"""
FURNITURE_BOTTOM = """<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this story</a></div>
<aside class="newsletter"><h3>Get the morning briefing</h3><p>Sign up for our newsletter and get the day's top stories in your inbox.</p><form><input type="email" placeholder="Your email"><button>Subscribe</button></form></aside>
<aside class="related"><h3>Related stories</h3><ul><li><a href="/news/port-expansion">Port expansion plan approved by council</a></li><li><a href="/news/union-ballot">Union ballot on pay closes next week</a></li><li><a href="/news/ferry-timetable">Ferry timetable changes for the spring</a></li></ul></aside>
<section id="comments"><h3>3 comments</h3><div class="comment"><p>Terrible news, thoughts with the family.</p></div><div class="comment"><p>This crane was reported as faulty last year!</p></div></section>
<footer><p>Copyright 2025. All rights reserved.</p><ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li><li><a href="/privacy">Privacy policy</a></li></ul></footer>"""

def page(head, h1, paras, byline=None):
    ps = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
    by = f'<p class="byline">By <a href="/authors/x" rel="author">{html.escape(byline)}</a></p>\n' if byline else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
{head}
</head><body>
{FURNITURE_TOP}
<main><article>
<h1>{html.escape(h1)}</h1>
{by}<figure><img src="/img/cordon.jpg" alt="Police cordon"><figcaption>Dock workers beside a police cordon. Photo: Staff</figcaption></figure>
<div class="article-body">
{ps}
</div>
</article></main>
{FURNITURE_BOTTOM}
</body></html>
"""

hs = "../harbour-strike/"
title = "Northport dock workers walk out after fatal crane collapse"
og = f"""<title>{title} | Coastal Herald</title>
<meta property="og:site_name" content="Coastal Herald">
<meta property="og:type" content="article">
<meta property="og:title" content="{title}">
<meta property="og:url" content="https://coastal-herald.example/news/2025/03/13/northport-dock-workers-walk-out-after-fatal-crane-collapse">
<meta property="article:published_time" content="2025-03-13T07:45:00+00:00">
<meta name="author" content="Dana Whitlock">
<link rel="canonical" href="https://coastal-herald.example/news/2025/03/13/northport-dock-workers-walk-out-after-fatal-crane-collapse">"""
open("coastal-herald.html", "w", encoding="utf-8").write(page(og, title, body(hs + "coastal-herald.txt"), "Dana Whitlock"))

title = "Northport dockers strike after crane collapse kills operator"
ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
      "datePublished": "2025-03-12T16:20:00Z", "dateModified": "2025-03-12T18:05:00Z",
      "author": {"@type": "Person", "name": "Tomas Reyna"},
      "publisher": {"@type": "Organization", "name": "Meridian Wire", "logo": {"@type": "ImageObject", "url": "https://meridian-wire.example/logo.png"}},
      "mainEntityOfPage": "https://meridian-wire.example/world/2025-03-12/northport-dockers-strike-crane-collapse"}
head = f"""<title>{title} - Meridian Wire</title>
<link rel="canonical" href="https://meridian-wire.example/world/2025-03-12/northport-dockers-strike-crane-collapse">
<script type="application/ld+json">{json.dumps(ld)}</script>"""
with gzip.GzipFile("meridian-wire.html.gz", "wb", mtime=0) as f:
    f.write(page(head, title, body(hs + "meridian-wire.txt")).encode("utf-8"))

title = "Northport strike enters third day as city mourns crane operator"
paras = body(hs + "northport-times.txt")
paras[0] = paras[0].replace("date 2025-03-14", "").strip()
open("northport-times.htm", "w", encoding="utf-8").write(page(f"<title>{title} | Northport Times</title>", title, paras))
