"""Every public page weighs under 200 KB transferred on first load (fresh browser, nothing
cached), served as in production: compressed static files, gzipped public pages.

The bytes are those the browser received over the network for every request of the page
(Chrome's encodedDataLength: headers and compressed bodies). Requests to other sites (the
map tiles of OpenStreetMap, which the test machine cannot reach) are aborted and listed;
the service worker's one-time install is measured separately, after the page is usable.
"""

import pytest

from .pwa_support import (
    collected_static,  # noqa: F401 — fixtures
    demo_data,
    first_public_service,
    has_url,
    new_context,
    prod_server,  # noqa: F401
    public_desk,
)

LIMIT = 200 * 1024


def weigh(browser, base_url, path, *, locale="fr-FR"):
    """(bytes transferred, [(url, bytes)], external urls) for a first visit of ``path``."""
    context = new_context(browser, base_url, locale=locale)
    external = []

    def outside(route):
        external.append(route.request.url)
        route.abort()

    context.route(lambda url: not url.startswith(base_url), outside)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    urls, sizes = {}, {}
    cdp.on(
        "Network.requestWillBeSent", lambda e: urls.__setitem__(e["requestId"], e["request"]["url"])
    )
    cdp.on(
        "Network.loadingFinished",
        lambda e: sizes.__setitem__(e["requestId"], e["encodedDataLength"]),
    )
    response = page.goto(path, wait_until="networkidle")
    assert response.status == 200, path
    page.wait_for_timeout(200)
    context.close()
    detail = sorted(((urls.get(k, k), v) for k, v in sizes.items()), key=lambda x: -x[1])
    return sum(sizes.values()), detail, external


def public_pages():
    """(label, path) of each public page, those of other parts only when present."""
    from django.urls import reverse

    service = first_public_service()
    pages = [
        ("home", reverse("core:home")),
        ("finder with a query", reverse("services:search") + "?q=emploi"),
        ("service page", reverse("services:detail", args=[service.pk])),
        ("offline page", reverse("pwa:offline")),
    ]
    if has_url("public:page-list"):
        pages.append(("information pages", reverse("public:page-list")))
    if has_url("public:desk-list"):
        desk = public_desk()
        pages.append(("desk list", reverse("public:desk-list")))
        pages.append(("desk page", reverse("public:desk-detail", args=[desk.code])))
    return pages


def info_page(browser, base_url):
    """The first information page linked from the list (their model belongs to another part)."""
    from django.urls import reverse

    context = new_context(browser, base_url)
    page = context.new_page()
    page.goto(reverse("public:page-list"))
    links = page.locator("main a[href^='/info/']")
    href = links.first.get_attribute("href") if links.count() else None
    context.close()
    return href


@pytest.mark.parametrize("locale", ["fr-FR", "ar-TN"])
def test_public_pages_under_200_kb(browser, prod_server, locale):  # noqa: F811
    demo_data()
    pages = public_pages()
    if has_url("public:page-list"):
        href = info_page(browser, prod_server)
        if href:
            pages.append(("information page", href))
    figures = []
    for label, path in pages:
        total, detail, external = weigh(browser, prod_server, path, locale=locale)
        figures.append((label, path, total))
        print(f"\n{locale} {label} {path}: {total / 1024:.1f} KB")
        for url, size in detail:
            print(f"    {size / 1024:7.1f} KB  {url.removeprefix(prod_server)}")
        for url in external:
            print(f"    (not loaded: {url})")
    heavy = [(label, round(total / 1024, 1)) for label, _, total in figures if total >= LIMIT]
    assert not heavy, f"pages over 200 KB: {heavy}"


def test_first_visit_with_the_service_worker_under_200_kb(browser, prod_server):  # noqa: F811
    """The heaviest page (a service page, with its map) on a first visit with the service
    worker installing: the page, the worker, what it keeps at install (the directory
    snapshot, the offline page, small files) — counted as the server sent them."""
    from django.urls import reverse

    from . import pwa_support

    demo_data()
    path = reverse("services:detail", args=[first_public_service().pk])
    context = new_context(browser, prod_server, locale="ar-TN", service_workers="allow")
    # No request interception here: Playwright's routing turns the HTTP cache off, and the
    # worker keeps the page's static files from that cache. (Map tiles from other sites are
    # not counted: this counts what our server sent.)
    page = context.new_page()
    pwa_support.SENT.clear()
    page.goto(path, wait_until="networkidle")
    page.evaluate("() => navigator.serviceWorker.ready.then(() => true)")
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.wait_for_timeout(1500)  # the worker keeps the page and its files
    sent = list(pwa_support.SENT)
    context.close()
    total = sum(size for _, size in sent)
    print(f"\nfirst visit with the service worker {path}: {total / 1024:.1f} KB")
    for where, size in sorted(sent, key=lambda x: -x[1]):
        print(f"    {size / 1024:7.1f} KB  {where}")
    assert "/sw.js" in [where for where, _ in sent]
    assert total < LIMIT


def test_static_files_are_served_compressed(browser, prod_server):  # noqa: F811
    """The guard of the figures above: CSS and HTML arrive gzip- or brotli-encoded."""
    demo_data()
    context = new_context(browser, prod_server)
    page = context.new_page()
    encodings = {}
    page.on(
        "response",
        lambda r: encodings.__setitem__(
            r.url.removeprefix(prod_server), r.all_headers().get("content-encoding", "")
        ),
    )
    page.goto("/services/", wait_until="networkidle")
    context.close()
    assert encodings["/services/"] == "gzip"
    css = [u for u in encodings if u.endswith(".css")]
    assert css and all(encodings[u] in ("gzip", "br") for u in css), encodings
